package org.shortwave.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's side of backups: every table of the {@code public} schema (but Flyway's history) copied out with
 * PostgreSQL's COPY inside one REPEATABLE READ snapshot (what pg_dump does), and copied back in, parents before
 * children, in one transaction. Each table also gets a fingerprint (row count and an order-independent sum of row
 * hashes) so that a restore can prove it loaded exactly what was dumped.
 */
public final class DatabaseDump {

    private static final String FLYWAY = "flyway_schema_history";

    private DatabaseDump() {
    }

    /** Row count and a sum of 64-bit row hashes: equal for equal sets of rows, whatever their order. */
    public record Fingerprint(long rows, String hashSum) {
        @Override
        public String toString() {
            return rows + ":" + hashSum;
        }

        public static Fingerprint parse(String text) {
            int colon = text.indexOf(':');
            return new Fingerprint(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        }
    }

    /** Starts the one snapshot a backup reads in: read only, repeatable read, times in UTC. */
    public static void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        settings(connection);
    }

    /** Starts the one transaction a restore writes in. */
    public static void beginRestore(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        settings(connection);
    }

    private static void settings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Fingerprints hash each row's text: the same settings on both sides give the same text.
            statement.execute("set local timezone = 'UTC'");
            statement.execute("set local extra_float_digits = 3");
            statement.execute("set local datestyle = 'ISO, YMD'");
        }
    }

    /** The schema version Flyway last applied. */
    public static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from " + FLYWAY
                     + " where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The tables to back up, each after every table it refers to. */
    public static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(FLYWAY)) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                     join pg_namespace n on n.oid = c.connamespace
                     where c.contype = 'f' and n.nspname = 'public'""")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) { // a table's rows referring to each other load in one COPY
                    parents.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(
                        parents.getOrDefault(table, Set.of()).stream().filter(tables::contains).toList())) {
                    placed.add(table);
                    order.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables);
            }
        }
        return order;
    }

    /** Writes a table's rows (COPY text format) to {@code out}; returns the row count. */
    public static long copyOut(Connection connection, String table, OutputStream out) throws SQLException,
            IOException {
        return copyManager(connection).copyOut("copy public." + quoted(table) + " to stdout", out);
    }

    /** Loads rows written by {@link #copyOut}; returns the row count. */
    public static long copyIn(Connection connection, String table, InputStream in) throws SQLException, IOException {
        return copyManager(connection).copyIn("copy public." + quoted(table) + " from stdin", in);
    }

    public static Fingerprint fingerprint(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), coalesce(sum(('x' || substr(md5(t::text), 1, 15))"
                     + "::bit(60)::bigint), 0)::text from public." + quoted(table) + " t")) {
            rs.next();
            return new Fingerprint(rs.getLong(1), rs.getString(2));
        }
    }

    /** Rows in a table (for the emptiness check), or -1 when there is no such table. */
    public static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "select 1 from pg_tables where schemaname = 'public' and tablename = ?")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from public." + quoted(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void truncate(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate table " + String.join(", ", tables.stream()
                    .map(t -> "public." + quoted(t)).toList()) + " restart identity cascade");
        }
    }

    /** Sets every identity and serial sequence past the largest value restored, so new rows get new ids. */
    public static void resetSequences(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select table_name, column_name from information_schema.columns
                     where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')""")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] column : columns) {
            String table = "public." + quoted(column[0]);
            try (PreparedStatement set = connection.prepareStatement("select setval(pg_get_serial_sequence(?, ?), "
                    + "coalesce(max(" + quoted(column[1]) + "), 0) + 1, false) from " + table)) {
                set.setString(1, table);
                set.setString(2, column[1]);
                set.execute();
            }
        }
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String quoted(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected table or column name: " + identifier);
        }
        return identifier;
    }
}
