package io.switchboard.agentstate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;
import java.util.UUID;

/** A contact center using Switchboard, with the settings that shape its agents' state rules. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "pending_not_ready_enabled", nullable = false)
    private boolean pendingNotReadyEnabled;

    /** OB1: digital channels, and with them agents' outbound conversations, are on for the tenant. */
    @Column(name = "digital_channels_enabled", nullable = false)
    private boolean digitalChannelsEnabled = true;

    /** OB10: the tenant handles card data (PCI DSS): its emails carry no inline images. */
    @Column(name = "pci_restricted", nullable = false)
    private boolean pciRestricted;

    /** Set while the tenant is suspended by the platform operator: nobody signs in, its data stays (PL4). */
    @Column(name = "suspended_at")
    private java.time.Instant suspendedAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String code, String name) {
        this.id = UUID.randomUUID();
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** With pending enabled, Not Ready asked for during work waits for the work to end (AS6). */
    public void changePendingNotReady(boolean enabled) {
        this.pendingNotReadyEnabled = enabled;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public void changeDigitalChannels(boolean enabled) {
        this.digitalChannelsEnabled = enabled;
    }

    public boolean digitalChannelsEnabled() {
        return digitalChannelsEnabled;
    }

    public void changePciRestricted(boolean restricted) {
        this.pciRestricted = restricted;
    }

    public boolean pciRestricted() {
        return pciRestricted;
    }

    public boolean pendingNotReadyEnabled() {
        return pendingNotReadyEnabled;
    }

    public void suspend(java.time.Instant now) {
        if (suspendedAt == null) {
            suspendedAt = Objects.requireNonNull(now, "now");
        }
    }

    public void resume() {
        suspendedAt = null;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    public java.time.Instant suspendedAt() {
        return suspendedAt;
    }
}
