package io.switchboard.persistence;

import io.switchboard.api.error.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place a database error becomes a domain error: a unique violation (SQLState 23505) of a constraint the
 * caller names becomes the conflict it means. Every other failure — another constraint, a value too long for its
 * column, a lost connection, a unique violation nobody expected — is rethrown unchanged and ends as a server error
 * with a correlation id, so a 409 always means "this already exists".
 */
public final class Constraints {

    static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Flushes the pending changes, translating a violation of one of {@code conflicts}' constraints. */
    public static void flush(EntityManager em, Map<String, Supplier<ConflictException>> conflicts) {
        run(em::flush, conflicts);
    }

    /** Runs statements (a flush, a native insert), translating a violation of one of {@code conflicts}' constraints. */
    public static void run(Runnable statements, Map<String, Supplier<ConflictException>> conflicts) {
        try {
            statements.run();
        } catch (PersistenceException e) {
            throw translate(e, conflicts);
        }
    }

    /**
     * @param conflicts the conflict of each unique constraint, by constraint name as in the migrations
     * @return the named constraint's conflict, or {@code failure} itself when it is anything else
     */
    public static RuntimeException translate(PersistenceException failure,
                                             Map<String, Supplier<ConflictException>> conflicts) {
        List<SQLException> unique = sqlExceptions(failure).stream()
                .filter(e -> UNIQUE_VIOLATION.equals(e.getSQLState())).toList();
        if (unique.isEmpty()) {
            return failure;
        }
        String reported = constraintName(failure);
        for (Map.Entry<String, Supplier<ConflictException>> conflict : conflicts.entrySet()) {
            if (conflict.getKey().equalsIgnoreCase(reported) || mentions(unique, conflict.getKey())) {
                ConflictException translated = conflict.getValue().get();
                if (translated.getCause() == null) {
                    translated.initCause(failure);
                }
                return translated;
            }
        }
        return failure;
    }

    /** Every SQL exception in the chain, with the ones a batch nests as its next exceptions. */
    private static List<SQLException> sqlExceptions(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && !found.contains(e); e = e.getNextException()) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** The constraint name Hibernate's dialect read from the error, or null when it did not. */
    private static String constraintName(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return null;
    }

    /** PostgreSQL quotes the constraint's name in the message, in every language: {@code … "name"}. */
    private static boolean mentions(List<SQLException> violations, String constraint) {
        String quoted = "\"" + constraint.toLowerCase(Locale.ROOT) + "\"";
        return violations.stream().map(SQLException::getMessage)
                .anyMatch(message -> message != null && message.toLowerCase(Locale.ROOT).contains(quoted));
    }
}
