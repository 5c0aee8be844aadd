package io.switchboard.channels.domain;

import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * An image an agent puts in an email's HTML (OB10), hosted by us: the customer's mail client loads it by an
 * unguessable URL (256 random bits), without login. At most {@link #MAX_BYTES} (fixed by the rule, not configurable);
 * PNG, JPEG or GIF as its own bytes say (what is served is never HTML or script, whatever it was called); kept
 * {@link #RETENTION_MONTHS} months after upload, then purged.
 */
@Entity
@Table(name = "inline_image")
public class InlineImage {

    /** 15 KB. */
    public static final int MAX_BYTES = 15 * 1024;
    public static final int RETENTION_MONTHS = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String token;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private byte[] bytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InlineImage() {
    }

    private InlineImage(UUID tenantId, UUID interactionId, UUID agentId, String mediaType, byte[] bytes,
                        Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.interactionId = Objects.requireNonNull(interactionId, "interactionId");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.mediaType = mediaType;
        this.bytes = bytes;
        this.createdAt = now;
    }

    /**
     * A new image, refused in words when it is empty, larger than 15 KB, or not a PNG, JPEG or GIF by its bytes
     * (or not the type it was sent as).
     *
     * @param declared the media type the agent's browser sent (null: none)
     */
    public static InlineImage upload(UUID tenantId, UUID interactionId, UUID agentId, String declared, byte[] bytes,
                                     Instant now) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRequestException("inline-image-invalid", "The image is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidRequestException("inline-image-too-large", "An inline image is at most 15 KB ("
                    + MAX_BYTES + " bytes); this one has " + bytes.length + " bytes. Make it smaller, or send the "
                    + "picture as a link.");
        }
        String sniffed = mediaTypeOf(bytes);
        if (sniffed == null) {
            throw new InvalidRequestException("inline-image-invalid", "An inline image is a PNG, JPEG or GIF; "
                    + "these bytes are none of them.");
        }
        String given = declared == null ? sniffed : declared.strip().toLowerCase(java.util.Locale.ROOT);
        if (!given.equals(sniffed)) {
            throw new InvalidRequestException("inline-image-invalid", "The image was sent as " + given
                    + " but is a " + sniffed + ".");
        }
        return new InlineImage(tenantId, interactionId, agentId, sniffed, bytes.clone(), now);
    }

    /** The moment before which images are purged, {@value #RETENTION_MONTHS} calendar months (UTC) before now. */
    public static Instant purgedBefore(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(RETENTION_MONTHS).toInstant();
    }

    static String mediaTypeOf(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public String token() {
        return token;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
