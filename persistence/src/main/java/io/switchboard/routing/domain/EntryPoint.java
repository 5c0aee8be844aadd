package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;
import java.util.UUID;

/** A channel address customers reach (phone number, mailbox, chat widget, page, account, source) and its queue. */
@Entity
@Table(name = "entry_point")
public class EntryPoint {

    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String address;

    @Column(name = "queue_id", nullable = false)
    private UUID queueId;

    protected EntryPoint() {
    }

    public EntryPoint(UUID tenantId, Channel channel, String address, UUID queueId) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.channel = channel;
        this.address = normalise(address);
        this.queueId = queueId;
        requireReachable(channel, this.address);
    }

    /** Addresses compare case-insensitively and without surrounding blanks. */
    public static String normalise(String address) {
        String normal = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        // bounded after lower-casing, which can lengthen it ("İ" is two characters)
        if (normal.isEmpty() || normal.length() > 200) {
            throw new InvalidRequestException("invalid-address", "An address is 1 to 200 characters.");
        }
        return normal;
    }

    /**
     * A mailbox or an SMS number is read and written by the adapters, so it must be one: an email address, or a
     * number in E.164 form (+ and the country code).
     */
    private static void requireReachable(Channel channel, String address) {
        if (channel == Channel.EMAIL && !MAILBOX.matcher(address).matches()) {
            throw new InvalidRequestException("invalid-address", "An email entry point is a mailbox's address, such "
                    + "as support@example.com; '" + address + "' is not one.");
        }
        if (channel == Channel.SMS && !E164.matcher(address).matches()) {
            throw new InvalidRequestException("invalid-address", "An SMS entry point is a number in E.164 form, such "
                    + "as +5511987654321; '" + address + "' is not one.");
        }
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String address() {
        return address;
    }

    public UUID queueId() {
        return queueId;
    }
}
