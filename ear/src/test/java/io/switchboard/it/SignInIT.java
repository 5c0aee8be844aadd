package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in done properly (PL5): failed attempts slow down and then lock an account, held in the database so every
 * sign-in path and node counts the same failures; a source address that keeps failing is slowed down for every
 * account; everything is audited for the tenant admin; older hashes are upgraded; a disabled user, a reset or a
 * changed password ends every older token and socket within seconds.
 */
class SignInIT extends ServerTest {

    /** Each test fails its sign-ins from a loopback address of its own, so no other test's source is slowed. */
    private static FromAddress freshSource() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new FromAddress("127.1." + random.nextInt(0, 256) + "." + random.nextInt(2, 255));
    }

    @Test
    void failuresOnTwoSignInPathsAtOnceAreCountedOneAfterTheOtherThenLockTheAccount() throws Exception {
        TestAgent ana = fixtures.agent("chat");
        FromAddress attacker = freshSource();
        String wrongChange = Json.createObjectBuilder().add("currentPassword", "wrong-password-x")
                .add("newPassword", "new-password-1").build().toString();
        List<Supplier<Api.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> attacker.login("demo", ana.login(), "wrong-password-" + ThreadLocalRandom.current()
                    .nextInt()));
            attempts.add(() -> attacker.put("/api/auth/password", ana.token(), wrongChange));
        }
        List<Api.Reply> replies = all(attempts);

        for (Api.Reply reply : replies) {
            assertTrue(reply.isProblem(401, "invalid-credentials") || reply.isProblem(403, "wrong-current-password")
                    || reply.isProblem(429, "sign-in-throttled") || reply.isProblem(429, "sign-in-locked"),
                    reply.toString());
        }
        // Only the first three guesses were checked at all; the rest waited their turn on the account's row and were
        // refused unchecked, and the tenth failure locked it.
        assertEquals(3, audited(ana.login(), "WRONG_PASSWORD"), "guesses checked");
        assertEquals(13, audited(ana.login(), "THROTTLED") + audited(ana.login(), "LOCKED_OUT"), "guesses refused");
        assertTrue(audited(ana.login(), "LOCKED_OUT") > 0, "the account was locked");

        Api.Reply right = api.login(ana.login(), Fixtures.PASSWORD);
        assertTrue(right.isProblem(429, "sign-in-locked"), "even the right password waits out the lockout: " + right);
        assertTrue(right.json().getString("detail").contains("minute"), right.toString());

        // An admin's reset lifts it.
        assertEquals(204, api.put("/api/admin/agents/" + ana.id() + "/password", fixtures.adminToken(),
                "{\"password\":\"reset-password-1\"}").status());
        assertEquals(200, api.login(ana.login(), "reset-password-1").status());

        // The tenant admin reads it all, never a password; other tenants and agents do not.
        Api.Reply log = api.get("/api/admin/sign-ins?limit=500", fixtures.adminToken());
        assertEquals(200, log.status(), log.toString());
        List<JsonObject> lines = log.array().getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getString("login").equals(ana.login())).toList();
        assertTrue(lines.stream().anyMatch(line -> line.getString("outcome").equals("LOCKED_OUT")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.getString("outcome").equals("PASSWORD_RESET")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.getString("outcome").equals("SIGNED_IN")
                && line.getString("source").equals("127.0.0.1")), lines.toString());
        assertFalse(log.text().contains("wrong-password") || log.text().contains("reset-password-1"), "no password");
        assertEquals(0, Database.count("select count(*) from sign_in_audit where login like '%password%' "
                + "or source like '%password%'"), "no password stored anywhere in the audit");
        String northwind = api.post("/api/auth/login", null, "{\"tenant\":\"northwind\",\"login\":\"admin\","
                + "\"password\":\"switchboard\"}").json().getString("token");
        assertFalse(api.get("/api/admin/sign-ins?limit=500", northwind).text().contains(ana.login()),
                "another tenant's admin sees none of it");
        assertTrue(api.get("/api/admin/sign-ins", ana.token()).status() >= 401, "an agent does not read it");
        assertTrue(api.get("/api/admin/sign-ins?limit=0", fixtures.adminToken()).isProblem(422, "invalid-limit"));
        assertTrue(api.get("/api/admin/sign-ins?before=-1", fixtures.adminToken()).isProblem(422, "invalid-before"));
    }

    @Test
    void twoRightSignInsAtOnceAfterAMistakeBothGetIn() throws Exception {
        TestAgent fay = fixtures.agent("chat");
        FromAddress desk = freshSource();
        assertTrue(desk.login("demo", fay.login(), "a-typo-password").isProblem(401, "invalid-credentials"));
        List<Supplier<Api.Reply>> tabs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tabs.add(() -> desk.login("demo", fay.login(), Fixtures.PASSWORD));
        }
        for (Api.Reply reply : all(tabs)) {
            assertEquals(200, reply.status(), "each waits for the one before, none fails: " + reply);
        }
        assertTrue(api.post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", "demo")
                .add("login", "nul\u0000" + fay.login()).add("password", "whatever-1").build().toString())
                .isProblem(400, "validation-failed"), "a control character is refused at the door");
    }

    @Test
    void aSourceThatKeepsFailingIsSlowedDownForEveryAccountAndOnlyThatSource() {
        TestAgent bob = fixtures.agent("chat");
        FromAddress attacker = freshSource();
        for (int i = 0; i < 20; i++) {
            Api.Reply reply = attacker.login("demo", "nobody-" + i + "-" + bob.login(), "wrong-password");
            assertTrue(reply.isProblem(401, "invalid-credentials"), reply.toString());
        }
        Api.Reply fromThere = attacker.login("demo", bob.login(), Fixtures.PASSWORD);
        assertTrue(fromThere.isProblem(429, "sign-in-throttled"), "the 21st attempt from that address waits: "
                + fromThere);
        assertEquals(200, api.login(bob.login(), Fixtures.PASSWORD).status(), "other addresses are not slowed");
    }

    @Test
    void aHashMadeAtAnOlderCostIsUpgradedOnTheNextSignIn() throws Exception {
        TestAgent carol = fixtures.agent("chat");
        assertTrue(hashOf(carol).startsWith("pbkdf2-sha256$10000$"), "new users get today's cost: " + hashOf(carol));
        Database.update("update agent set password_hash = ? where id = cast(? as uuid)",
                pbkdf2(Fixtures.PASSWORD, 1000), carol.id());

        Api.Reply signedIn = api.login(carol.login(), Fixtures.PASSWORD);

        assertEquals(200, signedIn.status(), signedIn.toString());
        assertTrue(hashOf(carol).startsWith("pbkdf2-sha256$10000$"), "rehashed: " + hashOf(carol));
        assertEquals(200, api.login(carol.login(), Fixtures.PASSWORD).status(), "the same password still works");
        assertEquals(200, api.get("/api/agents/me", carol.token()).status(), "a rehash ends no session");
    }

    @Test
    void disablingAUserLogsThemOffAndEndsTheirTokensAndSockets() {
        TestAgent dave = fixtures.readyAgent("chat");
        String admin = fixtures.adminToken();
        try (EventSocket socket = EventSocket.open(api, dave.token())) {
            Api.Reply disabled = api.post("/api/admin/agents/" + dave.id() + "/disable", admin, null);
            assertEquals(200, disabled.status(), disabled.toString());
            assertEquals("LOGGED_OUT", disabled.json().getJsonArray("channels").getJsonObject(0).getString("state"),
                    "logged off, so nothing is offered to someone who cannot answer");

            assertEquals(1008, socket.awaitClosedByServer(Duration.ofSeconds(5)));
        }
        assertTrue(within(() -> api.get("/api/agents/me", dave.token()), r -> r.isProblem(401, "session-ended")));
        assertTrue(api.login(dave.login(), Fixtures.PASSWORD).isProblem(403, "user-disabled"));
        String adminId = api.get("/api/agents/me", admin).json().getString("agentId");
        assertTrue(api.post("/api/admin/agents/" + adminId + "/disable", admin, null)
                .isProblem(409, "cannot-disable-self"));

        assertEquals(200, api.post("/api/admin/agents/" + dave.id() + "/enable", admin, null).status());
        String fresh = api.token(dave.login(), Fixtures.PASSWORD);
        assertEquals(200, api.post(dave.path() + "/channels/login", fresh, channels("chat")).status());
        assertTrue(api.get("/api/agents/me", dave.token()).isProblem(401, "session-ended"),
                "enabling again does not revive the old tokens");
    }

    @Test
    void aResetOrAChangedPasswordEndsEveryOlderTokenAndSocket() {
        TestAgent erin = fixtures.agent("chat");
        try (EventSocket socket = EventSocket.open(api, erin.token())) {
            assertEquals(204, api.put("/api/admin/agents/" + erin.id() + "/password", fixtures.adminToken(),
                    "{\"password\":\"admin-set-password\"}").status());
            assertEquals(1008, socket.awaitClosedByServer(Duration.ofSeconds(5)));
        }
        assertTrue(within(() -> api.get("/api/agents/me", erin.token()), r -> r.isProblem(401, "session-ended")));
        assertTrue(api.login(erin.login(), Fixtures.PASSWORD).isProblem(401, "invalid-credentials"));
        String second = api.token(erin.login(), "admin-set-password");

        FromAddress desk = freshSource();
        assertTrue(desk.put("/api/auth/password", second, change("not-the-password", "my-own-password"))
                .isProblem(403, "wrong-current-password"));
        assertTrue(desk.put("/api/auth/password", second, change("admin-set-password", "short"))
                .isProblem(422, "weak-password"));
        try (EventSocket socket = EventSocket.open(api, second)) {
            Api.Reply changed = desk.put("/api/auth/password", second, change("admin-set-password",
                    "my-own-password"));
            assertEquals(200, changed.status(), changed.toString());
            String third = changed.json().getString("token");
            assertEquals(200, api.get("/api/agents/me", third).status(), "the answer's token works at once");
            assertEquals(1008, socket.awaitClosedByServer(Duration.ofSeconds(5)), "the older socket is closed");
        }
        assertTrue(within(() -> api.get("/api/agents/me", second), r -> r.isProblem(401, "session-ended")));
        assertEquals(200, api.login(erin.login(), "my-own-password").status());
        assertTrue(Database.count("select count(*) from sign_in_audit where login = ? and outcome = "
                + "'PASSWORD_CHANGED'", erin.login()) == 1);
    }

    private static String change(String current, String next) {
        return Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build()
                .toString();
    }

    private static int audited(String login, String outcome) {
        return Database.count("select count(*) from sign_in_audit where login = ? and outcome = ?", login, outcome);
    }

    private static String hashOf(TestAgent agent) {
        try (var db = Database.connect(); var query = db.prepareStatement(
                "select password_hash from agent where id = cast(? as uuid)")) {
            query.setString(1, agent.id());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form the server writes, at another cost. */
    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        ThreadLocalRandom.current().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the call's answer meets the condition within five seconds (other nodes' caches: two). */
    static boolean within(Supplier<Api.Reply> call, java.util.function.Predicate<Api.Reply> condition) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            if (condition.test(call.get())) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static List<Api.Reply> all(List<Supplier<Api.Reply>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<Future<Api.Reply>> started = attempts.stream().map(a -> pool.submit(a::get)).toList();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : started) {
                replies.add(reply.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
