package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.error.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.api.agentstate.ChannelState.AFTER_CALL_WORK;
import static io.switchboard.api.agentstate.ChannelState.LOGGED_OUT;
import static io.switchboard.api.agentstate.ChannelState.NOT_READY;
import static io.switchboard.api.agentstate.ChannelState.PENDING_NOT_READY;
import static io.switchboard.api.agentstate.ChannelState.READY;
import static io.switchboard.api.agentstate.ChannelState.RONA;

/**
 * One agent's state on one assigned channel. Its existence is the assignment (CH2). Only the {@link Agent} aggregate
 * changes it; every change returns the {@link ChannelTransition} it made so the aggregate can record and announce it.
 */
@Entity
@Table(name = "channel_session")
public class ChannelSession {

    private static final Set<ChannelState> CAN_GO_READY = EnumSet.of(NOT_READY, RONA, AFTER_CALL_WORK, PENDING_NOT_READY);
    private static final Set<ChannelState> CAN_GO_NOT_READY = EnumSet.of(READY, NOT_READY, RONA, AFTER_CALL_WORK,
            PENDING_NOT_READY);
    private static final Set<ChannelState> CAN_BEGIN_ACW = EnumSet.of(READY, NOT_READY, PENDING_NOT_READY);

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_id")
    private Agent agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChannelState state;

    /** The Not Ready reason of NOT_READY, or the reason that PENDING_NOT_READY will take. */
    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "active_work", nullable = false)
    private int activeWork;

    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    /** When work on this channel last ended: with a Ready {@link #stateSince}, how long the agent has been free. */
    @Column(name = "work_ended_at")
    private Instant workEndedAt;

    protected ChannelSession() {
    }

    ChannelSession(Agent agent, Channel channel, Instant now) {
        this.id = UUID.randomUUID();
        this.agent = agent;
        this.channel = channel;
        this.state = LOGGED_OUT;
        this.stateSince = now;
    }

    ChannelTransition login(Instant now) {
        if (state != LOGGED_OUT) {
            throw illegal("log in");
        }
        return moveTo(NOT_READY, null, now);
    }

    ChannelTransition ready(Instant now) {
        if (!CAN_GO_READY.contains(state)) {
            throw illegal("go Ready");
        }
        return moveTo(READY, null, now);
    }

    /**
     * Not Ready with a reason. With pending enabled and work on the channel the agent first goes Pending Not Ready,
     * which {@link #workEnded} completes; otherwise Not Ready takes effect, and its clock starts, at once (AS5, AS6).
     */
    ChannelTransition notReady(String reason, boolean pendingEnabled, Instant now) {
        if (!CAN_GO_NOT_READY.contains(state)) {
            throw illegal("go Not Ready");
        }
        ChannelState target = pendingEnabled && activeWork > 0 && state != NOT_READY ? PENDING_NOT_READY : NOT_READY;
        if (target == state && reason.equals(reasonCode)) {
            throw new IllegalTransitionException("Channel " + channel + " is already " + describe()
                    + "; cannot go Not Ready with the same reason again.");
        }
        return moveTo(target, reason, now);
    }

    ChannelTransition logOff(Instant now) {
        if (state == LOGGED_OUT) {
            throw illegal("log off");
        }
        if (activeWork > 0) {
            throw new IllegalTransitionException("channel-has-work", "Channel " + channel + " is " + describe()
                    + " with " + activeWork + " active interaction(s); cannot log off until they end.");
        }
        return moveTo(LOGGED_OUT, null, now);
    }

    /** Routing starts work on this channel (an accepted offer, an outbound task). */
    void workStarted() {
        if (state == LOGGED_OUT) {
            throw illegal("start work");
        }
        activeWork++;
    }

    /** Work on this channel ended; the last one completes a Pending Not Ready. */
    Optional<ChannelTransition> workEnded(Instant now) {
        if (activeWork == 0) {
            throw new IllegalTransitionException("no-active-work",
                    "Channel " + channel + " is " + describe() + " with no active work; cannot end work.");
        }
        activeWork--;
        workEndedAt = now;
        if (activeWork == 0 && state == PENDING_NOT_READY) {
            return Optional.of(moveTo(NOT_READY, reasonCode, now));
        }
        return Optional.empty();
    }

    ChannelTransition beginAfterCallWork(Instant now) {
        if (!CAN_BEGIN_ACW.contains(state)) {
            throw illegal("begin After-Call-Work");
        }
        return moveTo(AFTER_CALL_WORK, null, now);
    }

    /** An offer was not answered in time: the channel is not routable until the agent changes state (AS7). */
    ChannelTransition redirectOnNoAnswer(Instant now) {
        if (state != READY) {
            throw illegal("go to RONA");
        }
        return moveTo(RONA, null, now);
    }

    private ChannelTransition moveTo(ChannelState target, String reason, Instant now) {
        ChannelTransition transition = new ChannelTransition(channel, state, reasonCode, stateSince, target, reason, now);
        this.state = target;
        this.reasonCode = reason;
        this.stateSince = now;
        return transition;
    }

    private IllegalTransitionException illegal(String action) {
        return new IllegalTransitionException("Channel " + channel + " is " + describe() + "; cannot " + action + ".");
    }

    private String describe() {
        return reasonCode == null ? state.name() : state.name() + " (" + reasonCode + ")";
    }

    public Channel channel() {
        return channel;
    }

    public ChannelState state() {
        return state;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public int activeWork() {
        return activeWork;
    }

    public Instant stateSince() {
        return stateSince;
    }
}
