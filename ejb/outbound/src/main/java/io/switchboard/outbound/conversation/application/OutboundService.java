package io.switchboard.outbound.conversation.application;

import io.switchboard.api.Channel;
import io.switchboard.api.channels.EmailSubjects;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.outbound.domain.Recipient;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Agents start SMS and email conversations (OB1–OB6, OB9) in one transaction: the conversation, theirs at once, and
 * its email subject claimed for that customer — refused as a whole, each refusal with its reason, leaving nothing.
 */
@Stateless
public class OutboundService {

    /** Where a conversation may leave from: an entry point of the tenant on SMS or email. */
    public record From(UUID entryPointId, Channel channel, String address) {
    }

    @EJB
    Conversations conversations;

    @EJB
    EmailSubjects subjects;

    /** The tenant's SMS and email entry points (OB3: none, and no conversation can be started). */
    public List<From> origins(UUID tenantId) {
        return Stream.of(Channel.SMS, Channel.EMAIL)
                .flatMap(channel -> conversations.entryPointsOf(tenantId, channel).stream())
                .map(ref -> new From(ref.entryPointId(), ref.channel(), ref.address())).toList();
    }

    /** Starts a conversation from {@code entryPointId} to {@code to}; {@code subject} for email. Returns its id. */
    public UUID start(UUID tenantId, UUID agentId, UUID entryPointId, String to, String subject) {
        Conversations.EntryPointRef from = conversations.entryPoint(entryPointId)
                .filter(ref -> ref.tenantId().equals(tenantId))
                .orElseThrow(() -> new InvalidRequestException("unknown-entry-point", "No entry point "
                        + entryPointId + " in this tenant; " + (origins(tenantId).isEmpty()
                        ? "none is configured for SMS or email, so no conversation can be started."
                        : "choose one of its SMS or email entry points.")));
        Recipient recipient = Recipient.of(from.channel(), to);
        JsonObjectBuilder content = Json.createObjectBuilder().add("from", recipient.address())
                .add("to", from.address()).add("outbound", true);
        String title = null;
        if (recipient.channel() == Channel.EMAIL) {
            title = subject == null ? "" : subject.replaceAll("\\p{Cntrl}+", " ").strip();
            if (title.isEmpty() || title.length() > 998) {
                throw new InvalidRequestException("subject-required", "An email conversation needs a subject of 1 "
                        + "to 998 characters, not used in an earlier conversation with " + recipient.address() + ".");
            }
            content.add("subject", title);
        }
        UUID interactionId = conversations.startOutbound(tenantId, agentId, entryPointId, recipient.address(),
                content.build()).interactionId();
        if (title != null) {
            subjects.claim(tenantId, recipient.address(), title, interactionId);
        }
        return interactionId;
    }
}
