package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Short-lived access tokens with refresh, and one-time tickets for the event socket (PL5): a refresh token gets the
 * next pair once (a copy used again ends the whole sign-in); signing out, a password reset or disabling ends it; a
 * ticket opens one socket once; a token is never accepted in the socket's URL; and a socket closes with 4401 when
 * the access token it was opened with expires, so the client refreshes and comes back.
 */
class SessionsIT extends ServerTest {

    @Test
    void aRefreshTokenGetsTheNextPairOnceAndACopyUsedAgainEndsTheSignIn() {
        TestAgent ana = fixtures.agent("chat");
        JsonObject first = api.login(ana.login(), Fixtures.PASSWORD).json();
        assertTrue(first.getInt("expiresIn") <= 900, "access tokens are short-lived: " + first);
        assertTrue(first.getInt("refreshExpiresIn") > 11 * 3600, first.toString());

        JsonObject second = refresh(first.getString("refreshToken")).json();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertEquals(200, api.get("/api/agents/me", second.getString("token")).status());
        assertTrue(second.getInt("refreshExpiresIn") <= first.getInt("refreshExpiresIn"), "never extended");

        // At once again (another tab of the same session, a reload during a refresh): refused, the sign-in goes on.
        assertTrue(refresh(first.getString("refreshToken")).isProblem(401, "invalid-refresh-token"), "used up");
        JsonObject third = refresh(second.getString("refreshToken")).json();
        assertEquals(200, api.get("/api/agents/me", third.getString("token")).status());

        // Later, a used one can only be a copy: the whole sign-in ends, the thief's copy and the user's alike.
        Database.update("update refresh_token set used_at = used_at - interval '60 seconds' "
                + "where agent_id = cast(? as uuid) and used_at is not null", ana.id());
        assertTrue(refresh(first.getString("refreshToken")).isProblem(401, "invalid-refresh-token"));
        assertTrue(refresh(third.getString("refreshToken")).isProblem(401, "invalid-refresh-token"),
                "the user's own next token ended with it");
        assertEquals(1, Database.count("select count(*) from sign_in_audit where login = ? "
                + "and outcome = 'REFRESH_REUSED'", ana.login()));
        assertTrue(refresh("made-up").isProblem(401, "invalid-refresh-token"));
        assertTrue(api.post("/api/auth/refresh", null, "{}").isProblem(400, "validation-failed"));
    }

    @Test
    void signingOutAResetOrDisablingEndsTheRefreshToo() {
        TestAgent bob = fixtures.agent("chat");
        String signedOut = api.login(bob.login(), Fixtures.PASSWORD).json().getString("refreshToken");
        assertEquals(204, api.post("/api/auth/logout", null, refreshBody(signedOut)).status());
        assertTrue(refresh(signedOut).isProblem(401, "invalid-refresh-token"));
        assertEquals(204, api.post("/api/auth/logout", null, refreshBody(signedOut)).status(), "idempotent");

        String beforeReset = api.login(bob.login(), Fixtures.PASSWORD).json().getString("refreshToken");
        assertEquals(204, api.put("/api/admin/agents/" + bob.id() + "/password", fixtures.adminToken(),
                "{\"password\":\"after-reset-1\"}").status());
        assertTrue(refresh(beforeReset).isProblem(401, "session-ended"));

        String beforeDisable = api.login(bob.login(), "after-reset-1").json().getString("refreshToken");
        assertEquals(200, api.post("/api/admin/agents/" + bob.id() + "/disable", fixtures.adminToken(), null)
                .status());
        assertTrue(refresh(beforeDisable).isProblem(401, "session-ended"));
    }

    @Test
    void aTicketOpensOneSocketOnceAndATokenInTheUrlOpensNone() throws Exception {
        TestAgent carol = fixtures.agent("chat");
        String ticket = api.socketTicket(carol.token());
        EventSocket.withTicket(api, ticket).close();
        assertThrows(CompletionException.class, () -> EventSocket.withTicket(api, ticket), "used up");
        assertEquals(401, handshakeStatus("access_token=" + carol.token()), "no token in a URL");
        assertEquals(401, handshakeStatus("ticket=" + "x".repeat(43)));
        assertEquals(401, api.post("/api/auth/socket-ticket", null, null).status());
    }

    @Test
    void aSocketClosesWith4401WhenItsAccessTokenExpires() {
        TestAgent dave = fixtures.agent("chat");
        String shortLived = Tokens.expiringAt(dave.token(), Instant.now().plusSeconds(4));
        assertEquals(200, api.get("/api/agents/me", shortLived).status(), "valid until then");
        try (EventSocket socket = EventSocket.open(api, shortLived)) {
            assertEquals(4401, socket.awaitClosedByServer(Duration.ofSeconds(10)));
        }
        assertEquals(401, api.get("/api/agents/me", shortLived).status(), "and it is refused over REST too");
    }

    private Api.Reply refresh(String refreshToken) {
        return api.post("/api/auth/refresh", null, refreshBody(refreshToken));
    }

    private static String refreshBody(String refreshToken) {
        return Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString();
    }

    /** A raw handshake's status (the JDK's client will not send the Upgrade headers itself). */
    private static int handshakeStatus(String query) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 8080)) {
            socket.getOutputStream().write(("GET /ws/agent-events?" + query + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:8080\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
