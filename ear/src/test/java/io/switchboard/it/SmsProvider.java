package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SMS provider as tests see it: its stand-in (WireMock on 8089, started by dev/services.sh), whose request journal
 * says exactly what the server sent, and whose stubs a test can turn into an outage; and the provider's side of the
 * webhooks, signed as Twilio signs them (written here independently of the server's code).
 */
public final class SmsProvider {

    public static final String ADMIN = "http://127.0.0.1:8089/__admin";
    public static final String TOKEN = System.getProperty("switchboard.test.twilio.token", "it-twilio-auth-token");

    private final HttpClient http = HttpClient.newHttpClient();

    /** The form of every message the server asked the provider to send to this number, oldest first. */
    public List<Map<String, String>> sentTo(String number) {
        JsonObject journal = json(send(HttpRequest.newBuilder(URI.create(ADMIN + "/requests")).GET()).body());
        return journal.getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getJsonObject("request"))
                .filter(request -> request.getString("url").matches("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .sorted(java.util.Comparator.comparing(request -> request.getJsonNumber("loggedDate").longValue()))
                .map(request -> {
                    Map<String, String> form = form(request.getString("body"));
                    form.put("Authorization", request.getJsonObject("headers").getString("Authorization", ""));
                    return form;
                })
                .filter(form -> number.equals(form.get("To")))
                .toList();
    }

    /** The provider answers 503 to messages for this number until {@link #recover} (a stub above the default). */
    public String outageFor(String number) {
        String stub = Json.createObjectBuilder().add("priority", 1)
                .add("request", Json.createObjectBuilder().add("method", "POST")
                        .add("urlPathPattern", "/2010-04-01/Accounts/[A-Za-z0-9]+/Messages\\.json")
                        .add("bodyPatterns", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("contains", "To=" + URLEncoder.encode(number, StandardCharsets.UTF_8)))))
                .add("response", Json.createObjectBuilder().add("status", 503)
                        .add("jsonBody", Json.createObjectBuilder().add("code", 20503)
                                .add("message", "Service unavailable")))
                .build().toString();
        return json(send(HttpRequest.newBuilder(URI.create(ADMIN + "/mappings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(stub))).body())
                .getString("id");
    }

    public void recover(String stubId) {
        send(HttpRequest.newBuilder(URI.create(ADMIN + "/mappings/" + stubId)).DELETE());
    }

    /** Posts a webhook as the provider: form-encoded, signed with {@code token} over the URL and sorted params. */
    public HttpResponse<String> webhook(String url, Map<String, String> parameters, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(parameters)));
        if (token != null) {
            request.header("X-Twilio-Signature", signature(token, url, parameters));
        }
        return send(request);
    }

    /** As {@link #webhook}, with a signature made over other parameters (tampered on the way). */
    public HttpResponse<String> webhookSignedAs(String url, Map<String, String> parameters, String signature) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(encode(parameters))));
    }

    public static String signature(String token, String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the SMS provider's stand-in does not answer on 8089 (dev/services.sh start)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
