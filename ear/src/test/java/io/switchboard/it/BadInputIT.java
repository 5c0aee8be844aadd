package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input gets its own problem+json, and the stored state is exactly what it was before. */
class BadInputIT extends ServerTest {

    private TestAgent ana;
    private String before;

    @BeforeEach
    void anAgentReadyOnChat() {
        ana = fixtures.agent("chat", "email");
        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"));
        before = api.get(ana.path(), ana.token()).text();
    }

    private void assertRefusedAndUnchanged(Api.Reply reply, int status, String code) {
        assertTrue(reply.isProblem(status, code), "expected " + status + " " + code + " but got " + reply);
        assertEquals(before, api.get(ana.path(), ana.token()).text(), "nothing stored changed");
    }

    @Test
    void malformedJson() {
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/not-ready", ana.token(),
                "{\"reasonCode\": \"LUNCH\""), 400, "malformed-json");
    }

    @Test
    void wrongTypes() {
        assertRefusedAndUnchanged(api.put(ana.path() + "/do-not-disturb", ana.token(), "{\"enabled\":\"yes\"}"),
                400, "invalid-json");
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/not-ready", ana.token(),
                "{\"channels\":\"chat\",\"reasonCode\":\"LUNCH\"}"), 400, "invalid-json");
    }

    @Test
    void missingRequiredField() {
        Api.Reply reply = api.post(ana.path() + "/channels/not-ready", ana.token(), "{\"channels\":[\"chat\"]}");
        assertRefusedAndUnchanged(reply, 400, "validation-failed");
        assertEquals("reasonCode", reply.json().getJsonArray("violations").getJsonObject(0).getString("field"));
    }

    @Test
    void unknownReasonCode() {
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/not-ready", ana.token(),
                notReady("NAP", "chat")), 422, "unknown-reason-code");
    }

    @Test
    void unknownChannel() {
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/ready", ana.token(), channels("pigeon")),
                422, "unknown-channel");
    }

    @Test
    void unassignedChannel() {
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/not-ready", ana.token(),
                notReady("LUNCH", "chat", "voice")), 422, "channel-not-assigned");
    }

    @Test
    void oversizeBody() {
        String huge = "{\"channels\":[" + "\"chat\",".repeat(60_000) + "\"chat\"]}";
        assertRefusedAndUnchanged(api.post(ana.path() + "/channels/ready", ana.token(), huge),
                413, "payload-too-large");
    }

    @Test
    void illegalTransitionNamesTheStateAndTheAction() {
        Api.Reply reply = api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"));
        assertRefusedAndUnchanged(reply, 409, "illegal-transition");
        assertTrue(reply.json().getString("detail").contains("READY"), reply.toString());
        assertTrue(reply.json().getString("detail").contains("go Ready"), reply.toString());
    }

    @Test
    void forwardingToAnInvalidOrOwnExtension() {
        assertRefusedAndUnchanged(api.put(ana.path() + "/forwarding", ana.token(), "{\"extension\":\"12-34\"}"),
                422, "invalid-extension");
        assertRefusedAndUnchanged(api.put(ana.path() + "/forwarding", ana.token(),
                "{\"extension\":\"" + ana.extension() + "\"}"), 422, "forwarding-to-self");
    }

    @Test
    void anUnknownAgentIs404() {
        assertTrue(api.get("/api/agents/00000000-0000-0000-0000-000000000000", fixtures.adminToken())
                .isProblem(404, "agent-not-found"));
    }

    @Test
    void aBadPeriodForTimeInState() {
        assertTrue(api.get(ana.path() + "/time-in-state?from=yesterday", ana.token())
                .isProblem(422, "invalid-period"));
    }
}
