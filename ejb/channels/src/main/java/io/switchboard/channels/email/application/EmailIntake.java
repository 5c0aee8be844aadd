package io.switchboard.channels.email.application;

import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.Texts;
import io.switchboard.channels.email.infrastructure.EmailMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One email read from a mailbox becomes part of a conversation, in one transaction: a reply joins the conversation
 * its {@code References}/{@code In-Reply-To} name (never by subject), while that conversation is open; otherwise a
 * new interaction starts — in the same conversation when it answers a closed one — and is routed. Its files are
 * stored with it. Recorded once per Message-ID: a message read again (a re-poll, a restart before it was marked) is
 * recognised and left as it is.
 */
@Stateless
public class EmailIntake {

    /** What became of the email. */
    public enum Outcome { NEW_CONVERSATION, JOINED, ALREADY_RECORDED }

    /** How many ids of a References chain we keep and send on: the first and the newest ones (RFC 5322 3.6.4). */
    static final int MAX_REFERENCES = 20;

    @EJB
    Conversations conversations;

    @Inject
    EmailMessages messages;

    @EJB
    EmailSubjectRegister subjects;

    /**
     * What an interaction's content may hold (routing stores at most 128 KiB of JSON): past it, the HTML body goes to a
     * file, then the text is cut to its beginning (the reader already kept a long text whole as a file).
     */
    static final int CONTENT_BUDGET = 110_000;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome receive(Conversations.EntryPointRef mailbox, InboundEmail read) {
        UUID tenantId = mailbox.tenantId();
        InboundEmail email = fitting(read);
        messages.lockMessageId(tenantId, email.messageId());
        if (messages.known(tenantId, email.messageId())) {
            return Outcome.ALREADY_RECORDED;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the files' ids are in the content; the files are stored once the interaction they belong to is known
        Stored stored = new Stored(email.files().stream().map(file -> UUID.randomUUID()).toList());
        Optional<EmailMessages.Threaded> thread = messages.conversationOf(tenantId, email.answers());
        String chain = chain(thread.map(EmailMessages.Threaded::referenceChain).orElse(""), email.answers(),
                email.messageId());
        if (thread.isPresent() && conversations.followUp(tenantId, thread.get().interactionId(),
                fields(Json.createObjectBuilder().add("address", email.from()), email, stored).build())) {
            keep(mailbox, email, thread.get().interactionId(), thread.get().conversationId(), chain, stored, now);
            return Outcome.JOINED;
        }
        // new, or the conversation it answers is closed (or full): it goes on in a new interaction this email opens,
        // after any agent starting one with this customer right now
        conversations.lockConversationsWith(tenantId, io.switchboard.api.Channel.EMAIL, email.from());
        UUID conversation = thread.map(EmailMessages.Threaded::conversationId).orElseGet(UUID::randomUUID);
        JsonArrayBuilder to = Json.createArrayBuilder();
        (email.to().isEmpty() ? List.of(mailbox.address()) : email.to()).forEach(to::add);
        JsonObjectBuilder content = fields(Json.createObjectBuilder().add("from", email.from()).add("to", to)
                .add("messageId", email.messageId()).add("conversationId", conversation.toString()), email, stored);
        if (email.replyTo() != null) {
            content.add("replyTo", email.replyTo());
        }
        var started = conversations.start(tenantId, mailbox.entryPointId(), email.from(), content.build(),
                "email:" + digest(email.messageId()));
        keep(mailbox, email, started.interactionId(), conversation, chain, stored, now);
        if (thread.isEmpty()) {
            subjects.remember(tenantId, email.from(), email.subject(), started.interactionId());
        }
        return Outcome.NEW_CONVERSATION;
    }

    private static InboundEmail fitting(InboundEmail email) {
        InboundEmail fitting = email;
        if (size(fitting) > CONTENT_BUDGET) {
            fitting = fitting.htmlAsFile();
        }
        if (size(fitting) > CONTENT_BUDGET && fitting.text() != null) {
            fitting = new InboundEmail(fitting.messageId(), fitting.from(), fitting.replyTo(), fitting.to(),
                    fitting.subject(), Texts.beginning(fitting.text(), 8_000), true,
                    null, fitting.htmlTruncated(), fitting.answers(), fitting.files(), fitting.refused(),
                    fitting.malformed());
        }
        return fitting;
    }

    private static int size(InboundEmail email) {
        return fields(Json.createObjectBuilder(), email, new Stored(email.files().stream()
                .map(file -> new UUID(0, 0)).toList())).build().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The email's threading record and its files, with the interaction it went to. */
    private void keep(Conversations.EntryPointRef mailbox, InboundEmail email, UUID interactionId, UUID conversation,
                      String chain, Stored stored, Instant now) {
        UUID tenantId = mailbox.tenantId();
        UUID row = messages.record(tenantId, email.messageId(), interactionId, conversation, "INBOUND",
                mailbox.address(), email.subject(), chain, now);
        for (int i = 0; i < email.files().size(); i++) {
            InboundEmail.File file = email.files().get(i);
            messages.attach(stored.ids().get(i), tenantId, interactionId, row, file.name(), file.type(), file.data());
        }
    }

    /** The ids the email's files are stored under, in the order of its files. */
    record Stored(List<UUID> ids) {
    }

    /** Subject, bodies, files and refused parts: the fields an email and a follow-up share. */
    private static JsonObjectBuilder fields(JsonObjectBuilder json, InboundEmail email, Stored stored) {
        if (email.subject() != null) {
            json.add("subject", email.subject());
        }
        if (email.text() != null) {
            json.add("text", email.text());
        }
        if (email.textTruncated()) {
            json.add("textTruncated", true);
        }
        if (email.html() != null) {
            json.add("html", email.html());
        }
        if (email.htmlTruncated()) {
            json.add("htmlTruncated", true);
        }
        if (email.malformed()) {
            json.add("malformed", true);
        }
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (int i = 0; i < email.files().size(); i++) {
            InboundEmail.File file = email.files().get(i);
            var entry = Json.createObjectBuilder().add("name", file.name()).add("type", file.type())
                    .add("size", file.data().length);
            if (i < stored.ids().size()) {
                entry.add("id", stored.ids().get(i).toString());
            }
            files.add(entry);
        }
        if (!email.files().isEmpty()) {
            json.add("attachments", files);
        }
        if (!email.refused().isEmpty()) {
            JsonArrayBuilder refused = Json.createArrayBuilder();
            email.refused().forEach(part -> refused.add(Json.createObjectBuilder().add("name", part.name())
                    .add("type", part.type()).add("size", part.size()).add("reason", part.reason())));
            json.add("refused", refused);
        }
        return json;
    }

    /**
     * What a reply to this email carries in {@code References}: the thread's chain (or the ids it answers, when the
     * thread is not ours), then its own id — the first id and the newest {@link #MAX_REFERENCES} kept.
     */
    static String chain(String threadChain, List<String> answers, String messageId) {
        List<String> ids = new ArrayList<>();
        for (String id : (threadChain.isBlank() ? String.join(" ", answers.stream().map(a -> "<" + a + ">").toList())
                : threadChain).split("\\s+")) {
            if (!id.isBlank() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        String own = "<" + messageId + ">";
        ids.remove(own);
        ids.add(own);
        if (ids.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>();
            kept.add(ids.get(0));
            kept.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
            ids = kept;
        }
        return String.join(" ", ids);
    }

    /** An idempotency key within its 120 characters, whatever the Message-ID's length. */
    static String digest(String messageId) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
