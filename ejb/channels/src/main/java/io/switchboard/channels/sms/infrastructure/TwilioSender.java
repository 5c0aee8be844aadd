package io.switchboard.channels.sms.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.channels.domain.OutboundMessage;
import io.switchboard.channels.reply.application.Sender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends an SMS reply through Twilio's REST API ({@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}, basic
 * auth, form-encoded {@code To}, {@code From}, {@code Body} and, when a public URL is configured, the
 * {@code StatusCallback} that will report delivery). The base URL is configuration, so the demo and the tests point
 * it at the provider stand-in. 2xx: sent; 4xx: refused for good (Twilio's message says why); 5xx, 429 and
 * connections that fail: tried again; an answer that never comes: failed, not retried (it may have been sent).
 * Bounded: 5 s to connect, 15 s for the answer.
 */
@ApplicationScoped
public class TwilioSender implements Sender {

    @Inject
    @ConfigProperty(name = "switchboard.sms.twilio.base-url", defaultValue = "https://api.twilio.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "switchboard.sms.twilio.account-sid", defaultValue = " ")
    String accountSid;

    @Inject
    @ConfigProperty(name = "switchboard.sms.twilio.auth-token", defaultValue = " ")
    String authToken;

    /** Where the provider reaches this server (e.g. https://cc.example.com); none: no status callbacks. */
    @Inject
    @ConfigProperty(name = "switchboard.sms.public-base-url")
    Optional<String> callbackBase;

    private final Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(15, TimeUnit.SECONDS).build();

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Outcome send(OutboundMessage reply) {
        if (accountSid.isBlank() || authToken.isBlank()) {
            return new TryAgain("The SMS provider is not configured (switchboard.sms.twilio.account-sid and "
                    + "auth-token).");
        }
        Form form = new Form().param("To", reply.toAddress()).param("From", reply.fromAddress())
                .param("Body", reply.text());
        callbackBase.filter(base -> !base.isBlank()).ifPresent(base -> form.param("StatusCallback",
                base.replaceAll("/+$", "") + "/api/hooks/twilio/sms/status/" + reply.id()));
        String credentials = Base64.getEncoder().encodeToString((accountSid.strip() + ":" + authToken.strip())
                .getBytes(StandardCharsets.UTF_8));
        try (Response response = client.target(baseUrl.replaceAll("/+$", ""))
                .path("2010-04-01/Accounts/{sid}/Messages.json").resolveTemplate("sid", accountSid.strip())
                .request(MediaType.APPLICATION_JSON_TYPE).header("Authorization", "Basic " + credentials)
                .post(Entity.form(form))) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return new Sent(sid(response));
            }
            String detail = "The SMS provider answered " + status + problem(response);
            return status >= 500 || status == 429 ? new TryAgain(detail) : new Refused(detail);
        } catch (ProcessingException | IllegalStateException e) {
            if (reachedProvider(e)) {
                // it had the message and did not answer in time: it may have sent it, and Twilio takes no
                // idempotency key, so trying again could text the customer twice; the agent sees why and decides
                return new Refused("The SMS provider did not answer in time; it may or may not have sent the message,"
                        + " so it is not sent again: " + e.getMessage());
            }
            return new TryAgain("The SMS provider cannot be reached: " + e.getMessage());
        }
    }

    /** Whether the request reached the provider (a read timed out) rather than never connecting. */
    private static boolean reachedProvider(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException) {
                return false;
            }
            if (cause instanceof java.net.SocketTimeoutException timeout) {
                return timeout.getMessage() == null || !timeout.getMessage().toLowerCase().contains("connect");
            }
        }
        return false;
    }

    /** The provider's id of the message; an answer that is not the JSON expected still means it was taken. */
    private static String sid(Response response) {
        try {
            return response.readEntity(JsonObject.class).getString("sid", null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String problem(Response response) {
        try {
            JsonObject body = response.readEntity(JsonObject.class);
            return body.containsKey("message") ? ": " + body.getString("message", "") : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
