package org.shortwave.accounts.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** An account with its password hash: for signing in only. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String email, String displayName, String passwordHash, boolean admin) {
        return jdbc.sql("""
                insert into app_user (email, display_name, password_hash, is_admin) values (?, ?, ?, ?)
                returning id""")
                .params(email, displayName, passwordHash, admin).query(Long.class).single();
    }

    public boolean emailExists(String email) {
        return jdbc.sql("select exists (select 1 from app_user where email = ?)").param(email)
                .query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select id, email, display_name, is_admin, enabled, password_hash from app_user where email = ?")
                .param(email)
                .query((rs, row) -> new Credentials(account(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getBoolean("is_admin"), rs.getBoolean("enabled")),
                        rs.getString("password_hash")))
                .optional();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select id, email, display_name, is_admin, enabled from app_user where id = ?").param(id)
                .query((rs, row) -> account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        rs.getBoolean("is_admin"), rs.getBoolean("enabled")))
                .optional();
    }

    public List<Account> findAll() {
        return jdbc.sql("select id, email, display_name, is_admin, enabled from app_user order by email")
                .query((rs, row) -> account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        rs.getBoolean("is_admin"), rs.getBoolean("enabled")))
                .list();
    }

    public void setRole(long userId, String editionCode, Role role) {
        jdbc.sql("""
                insert into user_edition_role (user_id, edition_code, role) values (?, ?, ?)
                on conflict (user_id, edition_code) do update set role = excluded.role""")
                .params(userId, editionCode, role.dbValue()).update();
    }

    public void removeRole(long userId, String editionCode) {
        jdbc.sql("delete from user_edition_role where user_id = ? and edition_code = ?").params(userId, editionCode)
                .update();
    }

    public int setEnabled(long userId, boolean enabled) {
        return jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, userId).update();
    }

    public void setAdmin(long userId, boolean admin) {
        jdbc.sql("update app_user set is_admin = ? where id = ?").params(admin, userId).update();
    }

    public void setPassword(long userId, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, password_changed_at = now() where id = ?")
                .params(passwordHash, userId).update();
    }

    public void insertSetupToken(String tokenHash, java.time.OffsetDateTime expiresAt) {
        jdbc.sql("delete from setup_token").update();
        jdbc.sql("insert into setup_token (token_hash, expires_at) values (?, ?)").params(tokenHash, expiresAt).update();
    }

    /** Deletes the token if it is valid at {@code now}; true if it was. */
    public boolean consumeSetupToken(String tokenHash, java.time.OffsetDateTime now) {
        return jdbc.sql("delete from setup_token where token_hash = ? and expires_at > ?").params(tokenHash, now)
                .update() == 1;
    }

    public boolean setupTokenValid(String tokenHash, java.time.OffsetDateTime now) {
        return jdbc.sql("select exists (select 1 from setup_token where token_hash = ? and expires_at > ?)")
                .params(tokenHash, now).query(Boolean.class).single();
    }

    private Account account(long id, String email, String name, boolean admin, boolean enabled) {
        Map<String, Role> roles = new HashMap<>();
        jdbc.sql("select edition_code, role from user_edition_role where user_id = ?").param(id)
                .query((rs, row) -> roles.put(rs.getString("edition_code"), Role.of(rs.getString("role")))).list();
        return new Account(id, email, name, admin, enabled, roles);
    }
}
