package io.switchboard.channels.email.application;

import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.domain.OutboundMessage;
import io.switchboard.channels.email.infrastructure.EmailMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An agent's email reply, threaded: it answers the customer's newest email of the interaction ({@code In-Reply-To}),
 * carries that email's whole {@code References} chain plus its id, keeps the subject ("Re: …"), leaves from the
 * mailbox the customer wrote to, and gets a Message-ID of ours ({@code sb.<reply id>@<mailbox domain>}), recorded
 * with the conversation so the customer's answer to it finds its way back.
 */
@ApplicationScoped
public class EmailReplies {

    @Inject
    EmailMessages messages;

    @jakarta.ejb.EJB
    InlineImages images;

    public OutboundMessage compose(UUID tenantId, UUID agentId, UUID replyId, Conversations.ReplyTo to, String text,
                                   String html, Instant now) {
        JsonObject content = to.content();
        Optional<EmailMessages.Threaded> answered = messages.lastInbound(tenantId, to.interactionId());
        // an agent's first email of a conversation they started carries its subject as it is, later ones "Re:"
        boolean opening = answered.isEmpty() && content.getBoolean("outbound", false)
                && messages.sentIn(tenantId, to.interactionId()) == 0;
        String subject = opening ? oneLine(text(content, "subject"))
                : reply(answered.map(EmailMessages.Threaded::subject).orElse(text(content, "subject")));
        // what an integration put in the content is checked before it becomes a header (no header injection)
        String inReplyTo = answered.map(EmailMessages.Threaded::messageId)
                .orElse(Optional.ofNullable(text(content, "messageId")).filter(id -> MESSAGE_ID.matcher(id).matches())
                        .orElse(null));
        String references = answered.map(EmailMessages.Threaded::referenceChain)
                .orElse(inReplyTo == null ? "" : "<" + inReplyTo + ">");
        UUID conversation = answered.map(EmailMessages.Threaded::conversationId).orElseGet(() ->
                Optional.ofNullable(text(content, "conversationId")).flatMap(EmailReplies::uuid)
                        .orElseGet(UUID::randomUUID));
        // the address the customer asked answers to go to (a web form's From is a no-reply address)
        String recipient = Optional.ofNullable(text(content, "replyTo")).filter(a -> MAILBOX.matcher(a).matches())
                .orElse(to.customerAddress());
        String messageId = "sb." + replyId + "@" + to.entryPointAddress().substring(
                to.entryPointAddress().indexOf('@') + 1);
        messages.record(tenantId, messageId, to.interactionId(), conversation, "OUTBOUND", to.entryPointAddress(),
                subject, EmailIntake.chain(references, List.of(), messageId), now);
        return OutboundMessage.email(replyId, tenantId, to.interactionId(), agentId, to.entryPointAddress(),
                recipient, subject, text, html == null ? null : images.outgoingHtml(tenantId, html),
                messageId, inReplyTo, references.isBlank() ? null : references, now);
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("[^<>\\s\\p{Cntrl}]{1,900}@[^<>\\s\\p{Cntrl}]+");
    private static final Pattern MAILBOX = Pattern.compile(
            "[^@\\s\\p{Cntrl}]{1,200}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private static String text(JsonObject content, String field) {
        return content.get(field) instanceof JsonString value ? value.getString() : null;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String reply(String original) {
        String subject = original == null ? null : oneLine(original);
        if (subject == null || subject.isBlank()) {
            return "Re:";
        }
        String replyTo = subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject;
        return replyTo.length() > 998 ? replyTo.substring(0, 998) : replyTo;
    }
}
