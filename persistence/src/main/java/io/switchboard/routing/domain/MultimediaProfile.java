package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** How much work of each channel an agent may hold at once (IX3), e.g. 1 voice + 2 chats + 3 emails. */
@Entity
@Table(name = "multimedia_profile")
public class MultimediaProfile {

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

    protected MultimediaProfile() {
    }

    public MultimediaProfile(UUID tenantId, String name, Map<Channel, Integer> capacity) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidRequestException("invalid-profile-name", "A profile name is 1 to 80 characters.");
        }
        capacity.forEach((channel, max) -> {
            if (max == null || max < 0 || max > 50) {
                throw new InvalidRequestException("invalid-capacity",
                        "Capacity for " + channel + " must be 0 to 50; got " + max + ".");
            }
        });
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.capacity = new EnumMap<>(capacity);
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
}
