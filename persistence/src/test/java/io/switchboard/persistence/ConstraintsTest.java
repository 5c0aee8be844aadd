package io.switchboard.persistence;

import io.switchboard.api.error.ConflictException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Only a unique violation of the constraint a caller names becomes a conflict; everything else stays as it was. */
class ConstraintsTest {

    private static final Map<String, Supplier<ConflictException>> QUEUE_NAME = Map.of("routing_queue_name_unique",
            () -> new ConflictException("queue-exists", "A queue named 'sales' already exists."));

    private static SQLException postgres(String state, String message) {
        return new SQLException("ERROR: " + message, state);
    }

    @Test
    void aUniqueViolationOfTheNamedConstraintIsItsConflict() {
        var failure = new ConstraintViolationException("could not execute statement", postgres("23505",
                "duplicate key value violates unique constraint \"routing_queue_name_unique\""),
                "routing_queue_name_unique");

        RuntimeException translated = Constraints.translate(failure, QUEUE_NAME);

        ConflictException conflict = assertInstanceOf(ConflictException.class, translated);
        assertEquals("queue-exists", conflict.code());
        assertSame(failure, conflict.getCause(), "the database's report stays in the log");
    }

    @Test
    void aBatchedInsertIsRecognisedByTheMessageOfItsNextException() {
        var batch = new BatchUpdateException("Batch entry 0 insert into routing_queue was aborted", null, 0,
                new int[0], null);
        batch.setNextException(postgres("23505",
                "duplicate key value violates unique constraint \"routing_queue_name_unique\""));
        var failure = new PersistenceException("flush failed",
                new ConstraintViolationException("could not execute batch", batch, null));

        assertInstanceOf(ConflictException.class, Constraints.translate(failure, QUEUE_NAME));
    }

    @Test
    void aUniqueViolationOfAnotherConstraintIsNotThisConflict() {
        var failure = new ConstraintViolationException("could not execute statement", postgres("23505",
                "duplicate key value violates unique constraint \"interaction_transition_event_id_key\""),
                "interaction_transition_event_id_key");

        assertSame(failure, Constraints.translate(failure, QUEUE_NAME));
    }

    @Test
    void aValueTooLongForItsColumnIsNotAConflict() {
        var failure = new DataException("could not execute statement",
                postgres("22001", "value too long for type character varying(400)"));

        assertSame(failure, Constraints.translate(failure, QUEUE_NAME));
    }

    @Test
    void aCheckViolationIsNotAConflictEvenWhenItsConstraintIsNamed() {
        var failure = new ConstraintViolationException("could not execute statement", postgres("23514",
                "new row for relation \"routing_queue\" violates check constraint \"routing_queue_acw_seconds_check\""),
                "routing_queue_acw_seconds_check");

        assertSame(failure, Constraints.translate(failure, Map.of("routing_queue_acw_seconds_check",
                () -> new ConflictException("acw", "not a duplicate"))), "only SQLState 23505 is a duplicate");
    }

    @Test
    void aLostConnectionIsRethrownUnchangedByRun() {
        var lost = new PersistenceException("connection refused", postgres("08006", "connection failure"));

        PersistenceException thrown = assertThrows(PersistenceException.class,
                () -> Constraints.run(() -> {
                    throw lost;
                }, QUEUE_NAME));

        assertSame(lost, thrown);
    }

    @Test
    void runTranslatesTheNamedViolation() {
        var failure = new ConstraintViolationException("could not execute statement", postgres("23505",
                "duplicate key value violates unique constraint \"routing_queue_name_unique\""),
                "routing_queue_name_unique");

        ConflictException thrown = assertThrows(ConflictException.class, () -> Constraints.run(() -> {
            throw failure;
        }, QUEUE_NAME));

        assertEquals("A queue named 'sales' already exists.", thrown.getMessage());
    }
}
