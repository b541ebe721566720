package org.shortwave.platform;

import java.sql.SQLException;

/**
 * What the database said about a failed statement, by its SQLState (PostgreSQL's error codes, class 23: integrity
 * constraint violations), never by the wording of its message.
 */
public final class SqlStates {

    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String CHECK_VIOLATION = "23514";

    private SqlStates() {
    }

    /** Whether a failure was caused by a statement the database refused with this SQLState. */
    public static boolean is(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
