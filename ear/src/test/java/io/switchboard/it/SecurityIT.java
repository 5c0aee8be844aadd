package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every call is authenticated (401) and authorised (403), and the two are told apart (PL4); tokens name their
 * signing key, and only keys of the server's key set are accepted.
 */
class SecurityIT extends ServerTest {

    @Test
    void noTokenIs401() {
        TestAgent ana = fixtures.agent("chat");
        assertTrue(api.get("/api/agents/me", null).isProblem(401, "unauthenticated"));
        assertTrue(api.post(ana.path() + "/channels/login", null, channels()).isProblem(401, "unauthenticated"));
    }

    @Test
    void aForgedOrGarbledTokenIs401() {
        TestAgent ana = fixtures.agent("chat");
        String[] parts = ana.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertTrue(api.get("/api/agents/me", forged).isProblem(401, "unauthenticated"));
        assertTrue(api.get("/api/agents/me", "not-a-token").isProblem(401, "unauthenticated"));
    }

    @Test
    void aTokenNamesItsSigningKeyAndATokenNamingAnUnknownKeyIs401() {
        TestAgent ana = fixtures.agent("chat");
        JsonObject header = Tokens.header(ana.token());
        assertEquals("RS256", header.getString("alg"));
        assertTrue(Tokens.testServerKeyIds().contains(header.getString("kid", "")), header.toString());

        String remade = Tokens.resign(ana.token(), Tokens.testServerSigningKey(), header.getString("kid"));
        assertEquals(200, api.get("/api/agents/me", remade).status(), "the hand-made token is otherwise valid");
        EventSocket.open(api, remade).close();

        // Only a signature by a key in the server's set, under its kid, counts.
        String strangerKnownKid = Tokens.resign(ana.token(), Tokens.strangerKey(), header.getString("kid"));
        String stranger = Tokens.resign(ana.token(), Tokens.strangerKey(), "stranger-key");
        Api.Reply reply = api.get("/api/agents/me", strangerKnownKid);
        assertTrue(reply.isProblem(401, "unauthenticated"), reply.toString());
        assertThrows(CompletionException.class, () -> EventSocket.open(api, strangerKnownKid));
        // Known limit: WildFly's MP-JWT mechanism answers a foreign signature under a kid it does not know with a bare
        // 500 instead of 401 (docs/architecture.md); it is refused all the same.
        assertTrue(api.get("/api/agents/me", stranger).status() >= 400);
        assertThrows(CompletionException.class, () -> EventSocket.open(api, stranger));
    }

    @Test
    void theClientIsServedWithAContentSecurityPolicyAndEveryAnswerWithTheUsualHeaders() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "base-uri 'none'")) {
            assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertFalse(policy.contains("unsafe"), policy);
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
                + "/api/agents/me")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        for (var response : List.of(page, answer)) {
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        }
    }

    @Test
    void aWrongPasswordIs401AndSaysNothingAboutWhichPartWasWrong() {
        TestAgent ana = fixtures.agent("chat");
        Api.Reply wrongPassword = api.login(ana.login(), "wrong-password");
        Api.Reply unknownUser = api.login("nobody-" + ana.login(), "wrong-password");
        assertTrue(wrongPassword.isProblem(401, "invalid-credentials"));
        assertEquals(wrongPassword.json().getString("detail"), unknownUser.json().getString("detail"));
    }

    @Test
    void anAgentCannotReadOrChangeAnotherAgent() {
        TestAgent ana = fixtures.agent("chat");
        TestAgent bob = fixtures.agent("chat");
        String before = api.get(bob.path(), bob.token()).text();

        assertTrue(api.post(bob.path() + "/channels/login", ana.token(), channels()).isProblem(403, "forbidden"));
        assertTrue(api.put(bob.path() + "/do-not-disturb", ana.token(), "{\"enabled\":true}")
                .isProblem(403, "forbidden"));
        assertTrue(api.get(bob.path(), ana.token()).isProblem(403, "forbidden"));
        assertTrue(api.get(bob.path() + "/time-in-state", ana.token()).isProblem(403, "forbidden"));
        assertEquals(before, api.get(bob.path(), bob.token()).text(), "bob's state is untouched");
    }

    @Test
    void rolesGateSupervisorAdminAndIntegrationCalls() {
        TestAgent ana = fixtures.agent("chat");
        TestAgent boss = fixtures.supervisor();
        assertTrue(api.get("/api/agents", ana.token()).isProblem(403, "forbidden"), "the board is for supervisors");
        assertTrue(api.get("/api/admin/agents", boss.token()).isProblem(403, "forbidden"), "admin is for admins");
        assertTrue(api.post("/api/integration/interactions/" + java.util.UUID.randomUUID() + "/customer-left",
                ana.token(), null).isProblem(403, "forbidden"), "integration calls are for integrations");
        assertTrue(api.post("/api/integration/agents/" + ana.id() + "/channels/chat/work-started",
                fixtures.integrationToken(), null).status() == 404, "no one changes active work without an interaction");
        assertTrue(api.post(ana.path() + "/channels/ready", boss.token(), channels())
                .isProblem(403, "forbidden"), "a supervisor may log an agent off, not make them Ready");
    }

    @Test
    void passwordsAreStoredOnlyAsSaltedHashes() throws Exception {
        TestAgent ana = fixtures.agent("chat");
        try (var db = java.sql.DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             var query = db.prepareStatement("select password_hash from agent where login = ?")) {
            query.setString(1, ana.login());
            try (var rows = query.executeQuery()) {
                assertTrue(rows.next());
                String stored = rows.getString(1);
                assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
                assertFalse(stored.contains("it-password-1"));
            }
        }
    }

    @Test
    void aWebSocketWithoutAValidTokenIsRefusedWith401() throws Exception {
        // A raw handshake: the JDK's HTTP client refuses to send the Upgrade headers itself.
        try (Socket socket = new Socket("127.0.0.1", 8080)) {
            socket.getOutputStream().write(("GET /ws/agent-events?ticket=forged HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:8080\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader response = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 401 Unauthorized", response.readLine());
            String header;
            boolean problem = false;
            while ((header = response.readLine()) != null && !header.isEmpty()) {
                problem |= header.toLowerCase().startsWith("content-type: application/problem+json");
            }
            assertTrue(problem, "the refusal is a problem document");
        }
        assertThrows(CompletionException.class, () -> EventSocket.open(api, "forged"));
        assertThrows(CompletionException.class, () -> EventSocket.open(api, ""));
    }
}
