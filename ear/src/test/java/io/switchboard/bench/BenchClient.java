package io.switchboard.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the benchmarks share: HTTP calls with a token, and bench agents signed in on chat (created once). */
final class BenchClient {

    record Agent(int index, String id, String token) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * The agents' event sockets get a client of their own, as desktops on other machines would: sharing one with the
     * load generator's thousands of pending requests starved its selector and the sockets dropped (1006) at ~250/s.
     */
    private final HttpClient sockets = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    BenchClient(String base) {
        this.base = base;
    }

    HttpClient http() {
        return http;
    }

    String adminToken() {
        return json(login("admin", "switchboard").body()).getString("token");
    }

    /** Agents {@code bench-0000…}, created on first use, signed in and logged in on chat. */
    List<Agent> agents(String admin, int count) throws Exception {
        // who exists already, asked once: signing in to find out would count a failed sign-in per new agent, and
        // the server slows down an address that fails twenty times
        java.util.Set<String> existing = new java.util.HashSet<>();
        Json.createReader(new StringReader(send("GET", "/api/admin/agents", admin, null).body())).readArray()
                .getValuesAs(JsonObject.class).forEach(a -> existing.add(a.getString("login")));
        List<CompletableFuture<Agent>> pending = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(CompletableFuture.supplyAsync(() -> agent(admin, index, existing), pool));
            }
            List<Agent> agents = new ArrayList<>();
            for (CompletableFuture<Agent> future : pending) {
                agents.add(future.get());
            }
            return agents;
        } finally {
            pool.shutdownNow();
        }
    }

    private Agent agent(String admin, int index, java.util.Set<String> existing) {
        String login = String.format("bench-%04d", index);
        if (!existing.contains(login)) {
            String body = Json.createObjectBuilder().add("login", login).add("displayName", "Bench " + index)
                    .add("extension", String.valueOf(700_000 + index)).add("password", "bench-password")
                    .add("licenceTier", "STANDARD").add("roles", Json.createArrayBuilder().add("agent"))
                    .add("channels", Json.createArrayBuilder().add("chat")).build().toString();
            HttpResponse<String> created = post("/api/admin/agents", admin, body);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("cannot create " + login + ": " + created.body());
            }
        }
        HttpResponse<String> signIn = login(login, "bench-password");
        if (signIn.statusCode() != 200) {
            throw new IllegalStateException("cannot sign in " + login + ": " + signIn.body());
        }
        JsonObject session = json(signIn.body());
        Agent agent = new Agent(index, session.getString("agentId"), session.getString("token"));
        post("/api/agents/" + agent.id() + "/channels/login", agent.token(), "{\"channels\":[\"chat\"]}");
        return agent;
    }

    List<WebSocket> sockets(List<Agent> agents, java.util.function.Function<Agent, WebSocket.Listener> listener) {
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (Agent agent : agents) {
            opening.add(sockets.newWebSocketBuilder().buildAsync(
                    URI.create(base.replaceFirst("^http", "ws") + "/ws/agent-events?ticket="
                            + json(post("/api/auth/socket-ticket", agent.token(), null).body()).getString("ticket")),
                    listener.apply(agent)));
        }
        return opening.stream().map(CompletableFuture::join).toList();
    }

    HttpResponse<String> login(String login, String password) {
        return post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", "demo").add("login", login)
                .add("password", password).build().toString());
    }

    HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    HttpResponse<String> send(String method, String path, String token, String body) {
        try {
            return http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
