package io.switchboard.routing.domain;

import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A queue: where an entry point sends interactions, which agents serve it, its RONA timeout and wrap-up rules. */
@Entity
@Table(name = "routing_queue")
public class RoutingQueue {

    static final int MAX_WRAP_UP_CODES = 40;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int priority;

    @Column(name = "rona_timeout_seconds", nullable = false)
    private int ronaTimeoutSeconds;

    @Column(name = "wrap_up_required", nullable = false)
    private boolean wrapUpRequired;

    /** Comma-separated wrap-up (disposition) codes. */
    @Column(name = "wrap_up_codes", nullable = false)
    private String wrapUpCodes;

    /** After-Call-Work of voice calls: 0 none, N seconds, -1 until the agent marks the interaction done. */
    @Column(name = "acw_seconds", nullable = false)
    private int acwSeconds;

    /** READY, NOT_READY (with {@link #acwNextReason}) or MANUAL (the agent sets the state). */
    @Column(name = "acw_next_state", nullable = false)
    private String acwNextState = "READY";

    @Column(name = "acw_next_reason")
    private String acwNextReason;

    /** Service level: answered within this many seconds counts as answered in time. */
    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds = 20;

    /** How long a transfer to an agent rings before it comes back to the sender. */
    @Column(name = "transfer_timeout_seconds", nullable = false)
    private int transferTimeoutSeconds = 30;

    /** AHEAD: a transfer into this queue keeps the customer's first arrival time; BEHIND: it queues as new. */
    @Column(name = "transfer_position", nullable = false)
    private String transferPosition = "AHEAD";

    @Version
    private long version;

    protected RoutingQueue() {
    }

    public RoutingQueue(UUID tenantId, String name, int priority, int ronaTimeoutSeconds, boolean wrapUpRequired,
                        List<String> wrapUpCodes) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidRequestException("invalid-queue-name", "A queue name is 1 to 80 characters.");
        }
        if (ronaTimeoutSeconds < 1 || ronaTimeoutSeconds > 3600) {
            throw new InvalidRequestException("invalid-rona-timeout", "The RONA timeout is 1 to 3600 seconds.");
        }
        if (wrapUpRequired && (wrapUpCodes == null || wrapUpCodes.isEmpty())) {
            throw new InvalidRequestException("wrap-up-codes-missing", "A queue that requires wrap-up needs codes.");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.priority = priority;
        this.ronaTimeoutSeconds = ronaTimeoutSeconds;
        this.wrapUpRequired = wrapUpRequired;
        this.wrapUpCodes = wrapUpCodes == null ? "" : String.join(",", requireWrapUpCodes(wrapUpCodes));
    }

    /** Each code 1 to 40 characters without commas, no repeats, at most 40 of them: stored as one list. */
    private static List<String> requireWrapUpCodes(List<String> codes) {
        if (codes.size() > MAX_WRAP_UP_CODES) {
            throw new InvalidRequestException("invalid-wrap-up-codes", "A queue has at most " + MAX_WRAP_UP_CODES
                    + " wrap-up codes; got " + codes.size() + ".");
        }
        for (String code : codes) {
            if (code == null || code.isBlank() || code.length() > 40 || code.contains(",") || code.indexOf(0) >= 0
                    || !code.equals(code.strip())) {
                throw new InvalidRequestException("invalid-wrap-up-codes", "A wrap-up code is 1 to 40 characters, "
                        + "without commas or surrounding spaces; got " + (code == null ? "null" : "'" + code + "'")
                        + ".");
            }
        }
        if (new java.util.HashSet<>(codes).size() != codes.size()) {
            throw new InvalidRequestException("invalid-wrap-up-codes", "Wrap-up codes must not repeat; got "
                    + codes + ".");
        }
        return codes;
    }

    /**
     * How transfers behave: {@code timeoutSeconds} (5 to 600) a transfer to an agent rings; {@code position} AHEAD
     * (a transfer into this queue keeps the customer's first arrival time, so it waits ahead of later arrivals) or
     * BEHIND (it queues as a new arrival).
     */
    public void configureTransfers(int timeoutSeconds, String position) {
        if (timeoutSeconds < 5 || timeoutSeconds > 600) {
            throw new InvalidRequestException("invalid-transfer-timeout", "The transfer timeout is 5 to 600 seconds; "
                    + "got " + timeoutSeconds + ".");
        }
        if (!"AHEAD".equals(position) && !"BEHIND".equals(position)) {
            throw new InvalidRequestException("invalid-transfer-position", "A transfer waits AHEAD (keeping the "
                    + "customer's first arrival time) or BEHIND (as a new arrival); got '" + position + "'.");
        }
        this.transferTimeoutSeconds = timeoutSeconds;
        this.transferPosition = position;
    }

    public int transferTimeoutSeconds() {
        return transferTimeoutSeconds;
    }

    /** Whether a transfer into this queue keeps the customer's first arrival time. */
    public boolean transfersWaitAhead() {
        return "AHEAD".equals(transferPosition);
    }

    public String transferPosition() {
        return transferPosition;
    }

    /**
     * The wrap-up code an agent gives at Done, checked against this queue's list: null when none was given and none
     * is required (IX7).
     */
    public String checkedWrapUpCode(String code) {
        if (code == null || code.isBlank()) {
            if (wrapUpRequired) {
                throw new IllegalTransitionException("wrap-up-required", "Queue " + name
                        + " requires a wrap-up code before Done; one of " + wrapUpCodes() + ".");
            }
            return null;
        }
        if (!wrapUpCodes().contains(code)) {
            throw new InvalidRequestException("unknown-wrap-up-code", "'" + code + "' is not a wrap-up code of queue "
                    + name + "; one of " + wrapUpCodes() + ".");
        }
        return code;
    }

    /** The service-level threshold: a customer answered within {@code seconds} was answered in time. */
    public void targetServiceLevel(int seconds) {
        if (seconds < 1 || seconds > 3600) {
            throw new InvalidRequestException("invalid-service-level", "The service-level threshold is 1 to 3600 "
                    + "seconds; got " + seconds + ".");
        }
        this.serviceLevelSeconds = seconds;
    }

    public int serviceLevelSeconds() {
        return serviceLevelSeconds;
    }

    /** IX5: how long voice After-Call-Work lasts and which state follows it. */
    public void configureAfterCallWork(int seconds, String nextState, String nextReason) {
        if (seconds < -1 || seconds > 86_400) {
            throw new InvalidRequestException("invalid-acw", "ACW lasts 0 (none), 1 to 86400 seconds, or -1 (until done).");
        }
        if (!List.of("READY", "NOT_READY", "MANUAL").contains(nextState)) {
            throw new InvalidRequestException("invalid-acw", "After ACW comes READY, NOT_READY or MANUAL; got '"
                    + nextState + "'.");
        }
        if (nextState.equals("NOT_READY") == (nextReason == null || nextReason.isBlank())) {
            throw new InvalidRequestException("invalid-acw", "A reason code goes with NOT_READY after ACW, and only there.");
        }
        this.acwSeconds = seconds;
        this.acwNextState = nextState;
        this.acwNextReason = nextState.equals("NOT_READY") ? nextReason : null;
    }

    public int acwSeconds() {
        return acwSeconds;
    }

    public String acwNextState() {
        return acwNextState;
    }

    public String acwNextReason() {
        return acwNextReason;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }

    public int ronaTimeoutSeconds() {
        return ronaTimeoutSeconds;
    }

    public boolean wrapUpRequired() {
        return wrapUpRequired;
    }

    public List<String> wrapUpCodes() {
        return wrapUpCodes.isEmpty() ? List.of() : Arrays.asList(wrapUpCodes.split(","));
    }
}
