package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.ChannelState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A finished period an agent spent in one state on one channel (AS5). Written once when the state ends and never
 * changed; the running period is the channel session's current state.
 */
@Entity
@Table(name = "state_interval")
public class StateInterval {

    /** From a sequence fetched 50 at a time, so inserts are batched at flush instead of one round trip each. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "state_interval_seq")
    @SequenceGenerator(name = "state_interval_seq", sequenceName = "state_interval_seq", allocationSize = 50)
    private Long id;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChannelState state;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    protected StateInterval() {
    }

    StateInterval(UUID agentId, ChannelTransition ended) {
        this.agentId = agentId;
        this.channel = ended.channel();
        this.state = ended.from();
        this.reasonCode = ended.fromReason();
        this.startedAt = ended.fromSince();
        this.endedAt = ended.at();
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

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
