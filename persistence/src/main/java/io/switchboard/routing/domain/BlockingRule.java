package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** The stored form of a {@link MultimediaProfile.Blocking} rule (one row of {@code profile_blocking}). */
@Embeddable
public class BlockingRule {

    @Enumerated(EnumType.STRING)
    @Column(name = "active_channel", nullable = false)
    private Channel whileEngagedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "blocked_channel", nullable = false)
    private Channel blocks;

    protected BlockingRule() {
    }

    BlockingRule(Channel whileEngagedOn, Channel blocks) {
        this.whileEngagedOn = whileEngagedOn;
        this.blocks = blocks;
    }

    Channel whileEngagedOn() {
        return whileEngagedOn;
    }

    Channel blocks() {
        return blocks;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockingRule rule && rule.whileEngagedOn == whileEngagedOn && rule.blocks == blocks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(whileEngagedOn, blocks);
    }
}
