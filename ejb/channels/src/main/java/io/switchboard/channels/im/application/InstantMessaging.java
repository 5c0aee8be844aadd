package io.switchboard.channels.im.application;

import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.channels.InstantMessage;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.error.RateLimitedException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * IM between colleagues of one tenant (CH3): checks who may write to whom and what, and makes the message to
 * deliver. Nothing is stored, so a colleague with no open desktop cannot be written to (nothing would wait for
 * them).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InstantMessaging {

    /** Long enough for a real message, short enough that IM stays chat, not documents. */
    public static final int MAX_LENGTH = 2000;

    @EJB
    AgentDirectory directory;

    @Inject
    SendRates rates;

    /** The tenant's agents other than the caller, with their presence. */
    public List<Colleague> colleaguesOf(UUID tenantId, UUID agentId) {
        return directory.colleagues(tenantId).stream().filter(c -> !c.agentId().equals(agentId)).toList();
    }

    /**
     * A message from {@code from} to {@code to}, ready to deliver; refused when the text is empty, too long or not
     * plain text, when writing to oneself, to an unknown or offline colleague, or faster than the sender's limit.
     */
    public InstantMessage compose(UUID tenantId, UUID from, UUID to, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("invalid-message", "An IM needs some text.");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new InvalidRequestException("invalid-message", "An IM is at most " + MAX_LENGTH
                    + " characters; this one has " + text.codePointCount(0, text.length()) + ".");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidRequestException("invalid-message", "An IM is plain text: no control characters.");
        }
        if (from.equals(to)) {
            throw new InvalidRequestException("message-to-self", "An IM goes to a colleague, not to yourself.");
        }
        Colleague sender = directory.colleague(tenantId, from).orElseThrow(() -> new NotFoundException(
                "colleague-not-found", "You are not an agent of this tenant."));
        Colleague recipient = directory.colleague(tenantId, to).orElseThrow(() -> new NotFoundException(
                "colleague-not-found", "No colleague " + to + " in your tenant."));
        // Counted once the message could go (a refusal for bad input or an unknown colleague is not); whether
        // the recipient is connected is known only when delivering: a supervisor watching the board with no channel
        // logged in is reachable although their presence says offline.
        Instant now = Instant.now();
        rates.take(from, now).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);   // rounded up: a retry then succeeds
            throw new RateLimitedException("too-many-messages", "Too many IMs at once; wait " + seconds + " s.",
                    (int) seconds);
        });
        return new InstantMessage(UUID.randomUUID(), from, sender.displayName(), to, recipient.displayName(), text,
                now);
    }

    /** No socket of the recipient took the message: nothing is kept for later, so the sender is told at once. */
    public ConflictException notDelivered(InstantMessage message) {
        return new ConflictException("colleague-offline", message.toName()
                + " is offline; IMs are not kept, so send it when they are back.");
    }
}
