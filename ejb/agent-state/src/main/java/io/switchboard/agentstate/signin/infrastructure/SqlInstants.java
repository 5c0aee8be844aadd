package io.switchboard.agentstate.signin.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code TIMESTAMPTZ} column of a native query, as the driver gives it, as an instant (null stays null). */
final class SqlInstants {

    private SqlInstants() {
    }

    static Instant of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
