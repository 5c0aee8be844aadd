package io.switchboard.channels.reply.application;

import io.switchboard.api.channels.ReplyView;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.Texts;
import io.switchboard.channels.domain.OutboundMessage;
import io.switchboard.channels.email.application.EmailReplies;
import io.switchboard.channels.sms.application.SmsReplies;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Agents' replies to email and SMS conversations (CH1): written into the conversation and queued for sending in one
 * transaction — so a reply is either in the conversation and on its way, or neither — and sent after commit.
 */
@Stateless
public class ReplyService {

    public static final int MAX_EMAIL_TEXT = 20_000;
    public static final int MAX_SMS_TEXT = 1600;
    static final int IN_CONVERSATION = 4_000;

    @EJB
    Conversations conversations;

    @EJB
    SendQueue queue;

    @Inject
    EmailReplies emailReplies;

    @Inject
    SmsReplies smsReplies;

    public ReplyView reply(UUID tenantId, UUID agentId, UUID interactionId, String text, String html) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("reply-invalid", "A reply needs its text.");
        }
        UUID replyId = UUID.randomUUID();
        // the conversation keeps the reply's beginning (its whole text is in the send queue and the replies list),
        // so a long thread is not filled by the agent's own quotes
        String stripped = text.strip();
        var line = Json.createObjectBuilder().add("replyId", replyId.toString());
        if (stripped.length() > IN_CONVERSATION) {
            line.add("text", Texts.beginning(stripped, IN_CONVERSATION)).add("textTruncated", true);
        } else {
            line.add("text", stripped);
        }
        // the interaction's own rules first (in this agent's hands, active, an email or SMS), then the channel's
        Conversations.ReplyTo to = conversations.reply(tenantId, agentId, interactionId, line.build());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OutboundMessage message = switch (to.channel()) {
            case EMAIL -> {
                requireLength(text, MAX_EMAIL_TEXT, "An email reply");
                yield emailReplies.compose(tenantId, agentId, replyId, to, text.strip(), html, now);
            }
            case SMS -> {
                requireLength(text, MAX_SMS_TEXT, "An SMS reply");
                if (html != null) {
                    throw new InvalidRequestException("reply-invalid", "An SMS is plain text; send no html.");
                }
                yield smsReplies.compose(tenantId, agentId, replyId, to, text.strip(), now);
            }
            default -> throw new InvalidRequestException("not-repliable", "Replies go out by email or SMS; this is "
                    + to.channel() + ".");
        };
        return queue.queue(message);
    }

    /** The replies written in the conversation, oldest first, with their send status. */
    public List<ReplyView> replies(UUID tenantId, UUID agentId, boolean supervisor, UUID interactionId) {
        if (!conversations.readableBy(tenantId, agentId, supervisor, interactionId)) {
            throw new AccessDeniedException("Only the agent who has interaction " + interactionId
                    + " (or a supervisor) can read its replies.");
        }
        return queue.of(tenantId, interactionId);
    }

    private static void requireLength(String text, int max, String what) {
        if (text.strip().length() > max) {
            throw new InvalidRequestException("reply-invalid", what + " is at most " + max + " characters; this one "
                    + "has " + text.strip().length() + ".");
        }
    }
}
