package io.switchboard.channels.email.application;

import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.TenantSettingsView;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.domain.InlineImage;
import io.switchboard.channels.email.infrastructure.HtmlSanitiser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline images of agents' emails (OB10): uploaded for a conversation (at most 15 KB, none at all for a
 * PCI-restricted tenant), served to the customer's mail client by an unguessable URL without login, referenced by
 * that URL in the HTML we send, and purged six months after upload. A message we send never carries Content-ID parts:
 * HTML that points at one ({@code cid:}) is refused, as is an image we do not host.
 */
@Stateless
public class InlineImages {

    /** 15 KB, fixed by the rule. */
    public static final int MAX_BYTES = InlineImage.MAX_BYTES;

    /** Where images are served, under the public base URL. */
    public static final String PATH = "/api/public/inline-images/";

    /** A {@code cid:} reference anywhere in a tag (an attribute, an inline style's {@code url(cid:…)}). */
    private static final Pattern CID = Pattern.compile("(?i)<[^<>]*\\bcid:");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    public record Uploaded(String url, String mediaType, int size) {
    }

    public record Served(String mediaType, byte[] bytes) {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @EJB
    AgentDirectory agents;

    @EJB
    Conversations conversations;

    /**
     * The scheme, host and port the customers' mail clients reach this server at (e.g. https://cc.example.com);
     * unset, no image can be added (a URL the customer cannot reach would go out broken).
     */
    @Inject
    @ConfigProperty(name = "switchboard.email.public-base-url")
    Optional<String> publicBase;

    public Uploaded upload(UUID tenantId, UUID agentId, UUID interactionId, String mediaType, byte[] bytes) {
        requireAllowed(tenantId);
        base();
        if (!conversations.inHandsOf(tenantId, agentId, interactionId, io.switchboard.api.Channel.EMAIL)) {
            throw new AccessDeniedException("Images go into emails of a conversation in your hands; interaction "
                    + interactionId + " is not one.");
        }
        InlineImage image = InlineImage.upload(tenantId, interactionId, agentId, mediaType, bytes,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        em.persist(image);
        return new Uploaded(urlOf(image.token()), image.mediaType(), bytes.length);
    }

    /** The image at this token, if it exists (and was not purged). */
    public Optional<Served> serve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(InlineImage.class, token))
                .map(image -> new Served(image.mediaType(), image.bytes()));
    }

    /**
     * The agent's HTML made ready to send: refused when it points at a Content-ID part, when it shows an image we do
     * not host for this tenant, or any image at all for a PCI-restricted tenant; otherwise sanitised, keeping our
     * images.
     */
    public String outgoingHtml(UUID tenantId, String html) {
        if (CID.matcher(html).find()) {
            throw cid();
        }
        List<String> sources = HtmlSanitiser.imageSources(html);
        if (sources.isEmpty()) {
            return HtmlSanitiser.sanitise(html);
        }
        requireAllowed(tenantId);
        Set<String> hosted = new HashSet<>();
        for (String source : sources) {
            if (source.strip().toLowerCase(java.util.Locale.ROOT).startsWith("cid:")) {
                throw cid();
            }
            String token = tokenOf(source).orElseThrow(() -> notHosted(source));
            InlineImage image = em.find(InlineImage.class, token);
            if (image == null || !image.tenantId().equals(tenantId)) {
                throw notHosted(source);
            }
            hosted.add(source);
        }
        return HtmlSanitiser.outgoing(html, hosted::contains);
    }

    /** Deletes images uploaded before the retention (six months before {@code now}); how many it deleted. */
    public int purge(Instant now, int batch) {
        return em.createNativeQuery("delete from inline_image where token in (select token from inline_image "
                        + "where created_at < :cutoff order by created_at limit :batch for update skip locked)")
                .setParameter("cutoff", InlineImage.purgedBefore(now)).setParameter("batch", batch).executeUpdate();
    }

    private void requireAllowed(UUID tenantId) {
        // an unknown tenant is treated as the stricter kind
        if (agents.tenant(tenantId).map(TenantSettingsView::pciRestricted).orElse(true)) {
            throw new InvalidRequestException("inline-images-pci-restricted", "This company handles card data "
                    + "(PCI-restricted): its emails carry no inline images.");
        }
    }

    private String base() {
        return publicBase.map(base -> base.replaceAll("/+$", "")).orElseThrow(() -> new ConflictException(
                "inline-images-not-configured", "This server has no public address for images "
                + "(switchboard.email.public-base-url), so customers could not see them; send the email without."));
    }

    private String urlOf(String token) {
        return base() + PATH + token;
    }

    private Optional<String> tokenOf(String source) {
        String prefix = base() + PATH;
        if (!source.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(source.substring(prefix.length()));
        return token.matches() ? Optional.of(token.group()) : Optional.empty();
    }

    private static InvalidRequestException cid() {
        return new InvalidRequestException("cid-not-allowed", "Emails we send never carry Content-ID (cid:) parts; "
                + "put pictures in with the image button, which links them by URL.");
    }

    private static InvalidRequestException notHosted(String source) {
        String shown = source.length() > 80 ? source.substring(0, 80) + "…" : source;
        return new InvalidRequestException("inline-image-not-hosted", "The email shows an image we do not host ("
                + shown + "); put pictures in with the image button (at most 15 KB each).");
    }
}
