package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What work an agent may hold at once (IX3): a capacity per channel (e.g. 1 voice + 2 chats + 3 emails), blending
 * rules (an engaged call blocks new chat offers), the licence an agent needs to work under it, and how many outbound
 * tasks on which channels the agent may start (used by outbound messaging).
 */
@Entity
@Table(name = "multimedia_profile")
public class MultimediaProfile {

    /** Engaged work on one channel blocks new offers on another. */
    public record Blocking(Channel whileEngagedOn, Channel blocks) {
        public Blocking {
            if (whileEngagedOn == blocks) {
                throw new InvalidRequestException("invalid-blending-rule",
                        "A blending rule names two different channels; got " + blocks + " twice.");
            }
        }
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_capacity", joinColumns = @JoinColumn(name = "profile_id"))
    @MapKeyColumn(name = "channel")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "capacity", nullable = false)
    private Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_blocking", joinColumns = @JoinColumn(name = "profile_id"))
    private Set<BlockingRule> blending = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "licence_tier", nullable = false)
    private LicenceTier licenceTier = LicenceTier.STANDARD;

    @Column(name = "max_outbound", nullable = false)
    private int maxOutbound;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_outbound_channel", joinColumns = @JoinColumn(name = "profile_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Set<Channel> outboundChannels = EnumSet.noneOf(Channel.class);

    protected MultimediaProfile() {
    }

    public MultimediaProfile(UUID tenantId, String name, Map<Channel, Integer> capacity) {
        this(tenantId, name, capacity, Set.of(), LicenceTier.STANDARD, 0, Set.of());
    }

    public MultimediaProfile(UUID tenantId, String name, Map<Channel, Integer> capacity, Set<Blocking> blending,
                             LicenceTier licenceTier, int maxOutbound, Set<Channel> outboundChannels) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidRequestException("invalid-profile-name", "A profile name is 1 to 80 characters.");
        }
        capacity.forEach((channel, max) -> {
            if (max == null || max < 0 || max > 50) {
                throw new InvalidRequestException("invalid-capacity",
                        "Capacity for " + channel + " must be 0 to 50; got " + max + ".");
            }
        });
        if (maxOutbound < 0 || maxOutbound > 50) {
            throw new InvalidRequestException("invalid-outbound-limit",
                    "At most 0 to 50 concurrent outbound tasks; got " + maxOutbound + ".");
        }
        if (maxOutbound > 0 && outboundChannels.isEmpty()) {
            throw new InvalidRequestException("invalid-outbound-limit",
                    "Outbound tasks are allowed but no outbound channel is named.");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.capacity = new EnumMap<>(capacity);
        blending.forEach(rule -> this.blending.add(new BlockingRule(rule.whileEngagedOn(), rule.blocks())));
        this.licenceTier = java.util.Objects.requireNonNull(licenceTier);
        this.maxOutbound = maxOutbound;
        this.outboundChannels = outboundChannels.isEmpty() ? EnumSet.noneOf(Channel.class)
                : EnumSet.copyOf(outboundChannels);
    }

    /** Without a profile an agent may hold one interaction of each channel and nothing blocks anything. */
    public static MultimediaProfile oneOfEach(UUID tenantId) {
        Map<Channel, Integer> one = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            one.put(channel, 1);
        }
        return new MultimediaProfile(tenantId, "default", one);
    }

    /** Whether an agent holding {@code workload} may be offered one more interaction of {@code channel}. */
    public boolean admits(Channel channel, Workload workload) {
        return hasRoomFor(channel, workload) && blending.stream()
                .noneMatch(rule -> rule.blocks() == channel && workload.engaged().contains(rule.whileEngagedOn()));
    }

    /** Whether engaged work on {@code channel} holds back offers on another channel (so ending it can free some). */
    public boolean blocksWhileEngagedOn(Channel channel) {
        return blending.stream().anyMatch(rule -> rule.whileEngagedOn() == channel);
    }

    /** Capacity alone: whether one more interaction of {@code channel} fits (picking up from a workbin). */
    public boolean hasRoomFor(Channel channel, Workload workload) {
        return workload.heldOn(channel) < capacityOf(channel);
    }

    /** The channels on which one more offer is admitted, out of those the agent is Ready on. */
    public Set<Channel> admitted(Set<Channel> ready, Workload workload) {
        Set<Channel> admitted = EnumSet.noneOf(Channel.class);
        for (Channel channel : ready) {
            if (admits(channel, workload)) {
                admitted.add(channel);
            }
        }
        return admitted;
    }

    /** An agent works under this profile only with the licence it needs. */
    public void requireLicence(LicenceTier agentTier) {
        if (agentTier.compareTo(licenceTier) < 0) {
            throw new IllegalTransitionException("licence-insufficient", "Profile " + name + " needs a "
                    + licenceTier + " licence; the agent has " + agentTier + ".");
        }
    }

    /**
     * OB1, OB4: whether an agent under this profile may start one more outbound conversation on {@code channel},
     * holding {@code active} of them already.
     */
    public void requireOutbound(Channel channel, long active) {
        if (!outboundChannels.contains(channel)) {
            throw new IllegalTransitionException("outbound-not-in-profile", "Profile " + name + " does not allow "
                    + "starting " + channel + " conversations.");
        }
        if (active >= maxOutbound) {
            throw new IllegalTransitionException("outbound-limit-reached", "Profile " + name + " allows "
                    + maxOutbound + " outbound conversation(s) at once; the agent has " + active + ".");
        }
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

    /** Work of this channel the agent may hold at once; a channel the profile does not name allows none. */
    public int capacityOf(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    public Map<Channel, Integer> capacity() {
        return Map.copyOf(capacity);
    }

    public Set<Blocking> blending() {
        Set<Blocking> rules = new HashSet<>();
        blending.forEach(rule -> rules.add(new Blocking(rule.whileEngagedOn(), rule.blocks())));
        return rules;
    }

    public LicenceTier licenceTier() {
        return licenceTier;
    }

    public int maxOutbound() {
        return maxOutbound;
    }

    public Set<Channel> outboundChannels() {
        return Set.copyOf(outboundChannels);
    }
}
