package io.switchboard.routing.domain;

import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * The After-Call-Work of a call (IX5): whether it runs and until when (null: until the agent marks the call Done).
 * A value: every change returns a new one.
 */
@Embeddable
public class AfterCallWork {

    @Column(name = "acw_running", nullable = false)
    private boolean running;

    @Column(name = "acw_deadline")
    private Instant deadline;

    protected AfterCallWork() {
    }

    private AfterCallWork(boolean running, Instant deadline) {
        this.running = running;
        this.deadline = deadline;
    }

    static AfterCallWork none() {
        return new AfterCallWork(false, null);
    }

    /** ACW of a queue's length: 0 none, N seconds from now, -1 until Done. */
    static AfterCallWork startedFor(int seconds, Instant now) {
        if (seconds == 0) {
            return none();
        }
        return new AfterCallWork(true, seconds > 0 ? now.plusSeconds(seconds) : null);
    }

    /** {@code seconds} more from the later of now and the current deadline, or -1 until Done. */
    AfterCallWork extendedBy(int seconds, Instant now) {
        if (seconds == -1) {
            return new AfterCallWork(true, null);
        }
        if (seconds < 1 || seconds > 86_400) {
            throw new InvalidRequestException("invalid-acw", "Extend by 1 to 86400 seconds, or -1 until done.");
        }
        if (deadline == null) {      // it already runs until Done
            return this;
        }
        return new AfterCallWork(true, (deadline.isBefore(now) ? now : deadline).plusSeconds(seconds));
    }

    boolean running() {
        return running;
    }

    Instant deadline() {
        return deadline;
    }
}
