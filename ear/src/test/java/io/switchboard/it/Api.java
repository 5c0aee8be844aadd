package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the REST API: JSON in, {@link Reply} out. */
public final class Api {

    public static final String TENANT = "demo";
    public static final String DEMO_PASSWORD = "switchboard";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A response: status, content type and body parsed as JSON when it is JSON. */
    public record Reply(int status, String contentType, String text) {

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.read();
            }
        }

        public boolean isProblem(int expectedStatus, String code) {
            return status == expectedStatus && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && json().getString("type").equals("/problems/" + code)
                    && !json().getString("detail", "").isBlank();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token).POST(body(json)));
    }

    public Reply put(String path, String token, String json) {
        return send(request(path, token).PUT(body(json)));
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Reply login(String login, String password) {
        return post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", TENANT).add("login", login)
                .add("password", password).build().toString());
    }

    /** A one-time ticket for the event socket's handshake, fetched with the token. */
    public String socketTicket(String token) {
        Reply reply = post("/api/auth/socket-ticket", token, null);
        if (reply.status() != 200) {
            throw new java.util.concurrent.CompletionException(new AssertionError("no socket ticket: " + reply));
        }
        return reply.json().getString("ticket");
    }

    public String token(String login, String password) {
        Reply reply = login(login, password);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + reply);
        }
        return reply.json().getString("token");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"channels":["chat", ...]}} */
    public static String channels(String... names) {
        var array = Json.createArrayBuilder();
        for (String name : names) {
            array.add(name);
        }
        return Json.createObjectBuilder().add("channels", array).build().toString();
    }

    public static String notReady(String reason, String... names) {
        var array = Json.createArrayBuilder();
        for (String name : names) {
            array.add(name);
        }
        return Json.createObjectBuilder().add("channels", array).add("reasonCode", reason).build().toString();
    }
}
