package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform operator (PL4): signs in with the credentials of configuration, creates a tenant with its first
 * admin, lists, suspends and resumes tenants, and reads no tenant's work. A suspended tenant's users cannot sign in,
 * their tokens stop working and their sockets close within seconds; its data stays for when it is resumed.
 */
class TenancyIT extends ServerTest {

    private static final String OPERATOR_PASSWORD =
            System.getProperty("switchboard.test.operator.password", "Operator-local-1");

    @Test
    void theOperatorCreatesATenantThatSeesOnlyItself() {
        assertTrue(operatorLogin("wrong-password").isProblem(401, "invalid-credentials"));
        String operator = operatorLogin(OPERATOR_PASSWORD).json().getString("token");
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);

        assertEquals(401, api.get("/api/operator/tenants", null).status());
        assertTrue(api.get("/api/operator/tenants", fixtures.adminToken()).isProblem(403, "forbidden"),
                "a tenant's admin is not the operator");
        assertTrue(create(operator, "Bad Code", "admin", "first-admin-1").isProblem(422, "invalid-tenant-code"));
        assertTrue(create(operator, code, "admin", "short").isProblem(422, "weak-password"));
        Api.Reply created = create(operator, code, "boss", "first-admin-1");
        assertEquals(201, created.status(), created.toString());
        assertTrue(create(operator, code, "boss", "first-admin-1").isProblem(409, "tenant-exists"));
        List<JsonObject> tenants = api.get("/api/operator/tenants", operator).array().getValuesAs(JsonObject.class);
        assertTrue(tenants.stream().anyMatch(t -> t.getString("code").equals(code) && t.getInt("users") == 1
                && !t.getBoolean("suspended")), tenants.toString());
        assertTrue(tenants.stream().anyMatch(t -> t.getString("code").equals("demo")), tenants.toString());
        assertEquals(1, tenants.stream().filter(t -> t.getString("code").equals(code)).count(),
                "created once, and not half: " + tenants);

        // The operator reads no tenant's work.
        for (String path : List.of("/api/admin/agents", "/api/agents", "/api/interactions", "/api/agents/me")) {
            assertTrue(api.get(path, operator).isProblem(403, "forbidden"), path);
        }

        // The new tenant's admin sees their tenant only.
        String boss = tenantLogin(code, "boss", "first-admin-1").json().getString("token");
        Api.Reply agent = api.post("/api/admin/agents", boss, Json.createObjectBuilder().add("login", "first")
                .add("displayName", "First Agent").add("extension", "2001").add("password", "agent-password-1")
                .add("licenceTier", "STANDARD").add("roles", Json.createArrayBuilder().add("agent"))
                .add("channels", Json.createArrayBuilder().add("chat")).build().toString());
        assertEquals(201, agent.status(), agent.toString());
        List<String> logins = api.get("/api/admin/agents", boss).array().getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("login")).toList();
        assertEquals(List.of("boss", "first").stream().sorted().toList(), logins.stream().sorted().toList());
        TestAgent demoAgent = fixtures.agent("chat");
        Api.Reply foreign = api.get("/api/agents/" + demoAgent.id(), boss);
        assertTrue(foreign.status() == 404 || foreign.status() == 403, foreign.toString());
        assertFalse(foreign.text().contains(demoAgent.login()), "never another tenant's data: " + foreign);
        assertFalse(api.get("/api/admin/agents", fixtures.adminToken()).text().contains("First Agent"));
    }

    @Test
    void aSuspendedTenantCannotSignInLosesItsSessionsAndKeepsItsData() {
        String operator = operatorLogin(OPERATOR_PASSWORD).json().getString("token");
        String code = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = create(operator, code, "boss", "first-admin-1").json().getString("id");
        String boss = tenantLogin(code, "boss", "first-admin-1").json().getString("token");
        String worker = api.post("/api/admin/agents", boss, Json.createObjectBuilder().add("login", "worker")
                .add("displayName", "Worker").add("extension", "2001").add("password", "agent-password-1")
                .add("licenceTier", "STANDARD").add("roles", Json.createArrayBuilder().add("agent"))
                .add("channels", Json.createArrayBuilder().add("chat")).build().toString()).json()
                .getString("agentId");
        String workerToken = tenantLogin(code, "worker", "agent-password-1").json().getString("token");
        assertEquals(200, api.post("/api/agents/" + worker + "/channels/login", workerToken,
                Api.channels("chat")).status());
        assertEquals(200, api.post("/api/agents/" + worker + "/channels/ready", workerToken,
                Api.channels("chat")).status());

        try (EventSocket socket = EventSocket.open(api, boss)) {
            Api.Reply suspended = api.post("/api/operator/tenants/" + tenantId + "/suspend", operator, null);
            assertEquals(200, suspended.status(), suspended.toString());
            assertTrue(suspended.json().getBoolean("suspended"));
            assertEquals(1008, socket.awaitClosedByServer(Duration.ofSeconds(5)));
        }
        assertTrue(SignInIT.within(() -> api.get("/api/admin/agents", boss), r -> r.isProblem(401, "session-ended")));
        assertTrue(tenantLogin(code, "boss", "first-admin-1").isProblem(403, "tenant-suspended"));
        assertTrue(tenantLogin(code, "boss", "wrong-password").isProblem(401, "invalid-credentials"),
                "says nothing about the tenant to whoever does not know the password");
        assertEquals(200, api.get("/api/admin/agents", fixtures.adminToken()).status(), "other tenants carry on");

        assertEquals(200, api.post("/api/operator/tenants/" + tenantId + "/resume", operator, null).status());
        String again = tenantLogin(code, "boss", "first-admin-1").json().getString("token");
        List<JsonObject> users = api.get("/api/admin/agents", again).array().getValuesAs(JsonObject.class);
        assertEquals(2, users.size(), "its data stayed");
        JsonObject stayed = users.stream().filter(u -> u.getString("login").equals("worker")).findFirst()
                .orElseThrow();
        assertEquals("LOGGED_OUT", stayed.getJsonArray("channels").getJsonObject(0).getString("state"),
                "logged off when suspended: nothing was offered to someone who could not answer");
        assertEquals(404, api.post("/api/operator/tenants/" + UUID.randomUUID() + "/suspend", operator, null)
                .status());
    }

    private Api.Reply operatorLogin(String password) {
        return api.post("/api/auth/operator", null, Json.createObjectBuilder().add("login", "operator")
                .add("password", password).build().toString());
    }

    private Api.Reply tenantLogin(String tenant, String login, String password) {
        return api.post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", tenant)
                .add("login", login).add("password", password).build().toString());
    }

    private Api.Reply create(String operator, String code, String adminLogin, String password) {
        return api.post("/api/operator/tenants", operator, Json.createObjectBuilder().add("code", code)
                .add("name", "Tenant " + code).add("admin", Json.createObjectBuilder().add("login", adminLogin)
                        .add("displayName", "First Admin").add("password", password)).build().toString());
    }
}
