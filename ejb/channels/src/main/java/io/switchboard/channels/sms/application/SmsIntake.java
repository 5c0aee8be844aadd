package io.switchboard.channels.sms.application;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.Texts;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An SMS the provider delivered to an entry point's number, in one transaction: it joins the sender's open
 * conversation with that number (waiting, offered, in hand or parked), else starts a new one, routed. Recorded once per MessageSid:
 * the provider retries a webhook it thinks failed, and the repeat changes nothing. Messages from one number are
 * handled one at a time (a lock on the number), so two arriving together never open two conversations.
 */
@Stateless
public class SmsIntake {

    /** What became of the SMS. */
    public enum Outcome { NEW_CONVERSATION, JOINED, ALREADY_RECORDED }

    /** An SMS as the provider posted it: its id, the numbers, the text and how many media files came with it. */
    public record Inbound(String messageSid, String from, String to, String body, int media) {
    }

    static final int MAX_TEXT = 1600;
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{10,64}");

    @EJB
    Conversations conversations;

    @PersistenceContext
    EntityManager em;

    public Outcome receive(Conversations.EntryPointRef entryPoint, Inbound sms) {
        if (sms.messageSid() == null || !SID.matcher(sms.messageSid()).matches()) {
            throw new InvalidRequestException("sms-invalid", "MessageSid is required: 10 to 64 letters and digits.");
        }
        String from = e164("From", sms.from());
        String to = e164("To", sms.to());
        if (!to.equals(entryPoint.address())) {
            throw new InvalidRequestException("wrong-number", "This webhook is the entry point of " + entryPoint.address()
                    + "; the SMS was sent to " + to + ".");
        }
        UUID tenantId = entryPoint.tenantId();
        conversations.lockConversationsWith(tenantId, io.switchboard.api.Channel.SMS, from);
        if (!em.createNativeQuery("select 1 from sms_message where tenant_id = :t and provider_sid = :s")
                .setParameter("t", tenantId).setParameter("s", sms.messageSid()).getResultList().isEmpty()) {
            return Outcome.ALREADY_RECORDED;
        }
        JsonObjectBuilder message = text(Json.createObjectBuilder(), sms).add("messageSid", sms.messageSid());
        Optional<UUID> open = conversations.openWith(tenantId, entryPoint.entryPointId(), from);
        Outcome outcome;
        UUID interactionId;
        if (open.isPresent() && conversations.followUp(tenantId, open.get(), message.build())) {
            interactionId = open.get();
            outcome = Outcome.JOINED;
        } else {
            interactionId = conversations.start(tenantId, entryPoint.entryPointId(), from,
                    text(Json.createObjectBuilder(), sms).add("from", from).add("to", to)
                            .add("messageSid", sms.messageSid()).build(), "sms:" + sms.messageSid())
                    .interactionId();
            outcome = Outcome.NEW_CONVERSATION;
        }
        em.createNativeQuery("insert into sms_message (id, tenant_id, provider_sid, interaction_id, from_number, "
                        + "to_number, at) values (:id, :t, :s, :i, :f, :to, :at)")
                .setParameter("id", UUID.randomUUID()).setParameter("t", tenantId)
                .setParameter("s", sms.messageSid()).setParameter("i", interactionId).setParameter("f", from)
                .setParameter("to", to).setParameter("at", Timestamp.from(Instant.now())).executeUpdate();
        return outcome;
    }

    /**
     * The text as the customer wrote it. A picture message without words says so (its media is not kept today), and
     * a text past the 1,600 characters the provider itself allows is cut and marked: the customer's message reaches
     * an agent rather than being lost to a refusal nobody reads.
     */
    private static JsonObjectBuilder text(JsonObjectBuilder json, Inbound sms) {
        String body = sms.body() == null ? "" : sms.body();
        if (body.isBlank()) {
            json.add("text", sms.media() > 0 ? "(" + sms.media() + " media file(s), not kept)" : "(empty message)");
        } else if (body.length() > MAX_TEXT) {
            json.add("text", Texts.beginning(body, MAX_TEXT)).add("textTruncated", true);
        } else {
            json.add("text", body);
        }
        if (sms.media() > 0) {
            json.add("mediaCount", sms.media());
        }
        return json;
    }

    static String e164(String field, String number) {
        try {
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            var parsed = phones.parse(number == null ? "" : number.strip(), null);
            if (!phones.isPossibleNumber(parsed)) {
                throw new NumberParseException(NumberParseException.ErrorType.NOT_A_NUMBER, "not possible");
            }
            return phones.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidRequestException("sms-invalid", field + " '" + number
                    + "' is not a phone number in international form (+ and the country code).");
        }
    }
}
