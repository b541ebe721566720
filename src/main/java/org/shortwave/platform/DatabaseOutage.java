package org.shortwave.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being unreachable (down, restarting, network cut) from any other, so that
 * readers get {@code 503} with {@code Retry-After} instead of a 500, and an editor's text is kept rather than lost.
 */
public final class DatabaseOutage {

    /** What {@code Retry-After} says: long enough for a PostgreSQL restart or fail-over, short for a reader. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private DatabaseOutage() {
    }

    /**
     * Whether this failure, or one it was caused by, means the database could not be reached, or could not be reached
     * in time: every render turn taken ({@link ReadersOverloaded}) is the same to a reader.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReadersOverloaded
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            // A rollback that failed because the connection broke hides the failure that made it roll back.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception"; 57P01-57P03: the server is shutting down or starting.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
