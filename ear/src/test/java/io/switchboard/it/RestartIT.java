package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deadlines survive a server restart: the server process is shut down while an offer's RONA deadline and an
 * After-Call-Work's end are pending, stays down until both have passed, and a new server process is started on the
 * same installation and database. Both fire right after it is up, and an offer deadline still in the future then
 * fires on time. A mailbox read before the restart is read again after it without taking any message twice, and
 * takes what arrived while the server was down. The new process serves the rest of the test run (Arquillian shuts it
 * down at the end through the management interface, as it would its own).
 */
class RestartIT extends ServerTest {

    @ArquillianResource
    ManagementClient management;

    @Test
    void offerDeadlinesThatPassedDuringARestartFireAfterItAndFutureOnesStillFire() throws Exception {
        String admin = fixtures.adminToken();
        // a mailbox read before the restart; during it, its message loses its read mark (a crash before the mark)
        // and a new one arrives
        MailServer mail = new MailServer();
        String mailbox = fixtures.route("email").entryPoint();
        mail.send(email(mail, mailbox, "before"));
        awaitEmails(mailbox, 1);
        String shortQueue = queue(admin, 4);
        String longQueue = queue(admin, 45);   // beyond the restart (25 s or more on a busy 2-core machine)
        String shortAddress = entryPoint(admin, shortQueue);
        String longAddress = entryPoint(admin, longQueue);
        TestAgent ana = fixtures.agent("chat");
        TestAgent bob = fixtures.agent("chat");
        members(admin, shortQueue, ana);
        members(admin, longQueue, bob);
        for (TestAgent agent : new TestAgent[] {ana, bob}) {
            api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
            api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        }
        String integration = fixtures.integrationToken();
        String overdue = create(integration, shortAddress);
        String future = create(integration, longAddress);
        Instant futureDeadline = Instant.parse(api.get("/api/integration/interactions/" + future, integration).json()
                .getString("offerDeadline"));
        TestAgent carl = agentInAfterCallWork(admin, integration);

        management.getControllerClient().execute(Operations.createOperation("shutdown"));
        awaitDown();
        mail.markAllUnread(mailbox);
        mail.send(email(mail, mailbox, "during"));
        Thread.sleep(5_000);   // both the 4 s RONA deadline and the 4 s After-Call-Work pass while nothing runs
        startServer();
        awaitReady();

        JsonObject taken = awaitState(integration, overdue, "QUEUED", Duration.ofSeconds(20));
        assertEquals("QUEUED", taken.getString("state"), "the overdue offer was taken back after the restart");
        assertEquals("RONA", channel(api.get("/api/agents/me", ana.token()).json(), "chat").getString("state"));
        Instant acwDeadline = Instant.now().plusSeconds(20);
        while (!voiceStateOf(carl).equals("READY") && Instant.now().isBefore(acwDeadline)) {
            Thread.onSpinWait();
        }
        assertEquals("READY", voiceStateOf(carl), "the After-Call-Work that ended during the restart ended after it");

        assertEquals("OFFERED", api.get("/api/integration/interactions/" + future, integration).json()
                .getString("state"), "a future deadline does not fire early");
        JsonObject later = awaitState(integration, future, "QUEUED",
                Duration.between(Instant.now(), futureDeadline).plusSeconds(15));
        assertEquals("QUEUED", later.getString("state"), "the future deadline still fired");
        assertTrue(!Instant.now().isBefore(futureDeadline));

        awaitEmails(mailbox, 2);
        assertTrue(mail.allRead(mailbox) || awaitRead(mail, mailbox), "both marked read after the restart");
        assertEquals(2, emailsIn(mailbox), "the message read before the restart was not taken twice");
    }

    private static jakarta.mail.internet.MimeMessage email(MailServer mail, String to, String what) throws Exception {
        jakarta.mail.internet.MimeMessage message = mail.newMessage();
        message.setFrom("maria@customer.test");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject(what);
        message.setHeader("Message-ID", "<" + what + "-" + UUID.randomUUID() + "@customer.test>");
        message.setText("Sent " + what + " the restart.");
        return message;
    }

    private static int emailsIn(String mailbox) throws java.sql.SQLException {
        try (var connection = Database.connect();
             var statement = connection.prepareStatement("select count(*) from interaction i join entry_point e "
                     + "on e.id = i.entry_point_id where e.address = ?")) {
            statement.setString(1, mailbox);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void awaitEmails(String mailbox, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (emailsIn(mailbox) < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertEquals(count, emailsIn(mailbox), "emails of " + mailbox + " taken");
    }

    private static boolean awaitRead(MailServer mail, String mailbox) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!mail.allRead(mailbox) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        return mail.allRead(mailbox);
    }

    /** An agent whose call ended into 4 s of After-Call-Work, then Ready. */
    private TestAgent agentInAfterCallWork(String admin, String integration) {
        String calls = api.post("/api/admin/routing/queues", admin, "{\"name\":\"restart-calls-" + UUID.randomUUID()
                + "\",\"acwSeconds\":4,\"acwNextState\":\"READY\"}").json().getString("id");
        String number = "+55114" + (1_000_000 + (int) (Math.random() * 8_999_999));
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "voice")
                .add("address", number).add("queueId", calls).build().toString());
        TestAgent carl = fixtures.agent("voice");
        members(admin, calls, carl);
        api.post(carl.path() + "/channels/login", carl.token(), channels("voice"));
        api.post(carl.path() + "/channels/ready", carl.token(), channels("voice"));
        String call = api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "voice").add("entryPoint", number).add("customerAddress", "+5511977776666")
                .add("content", Contents.of("voice"))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()).json()
                .getString("interactionId");
        api.post("/api/interactions/" + call + "/accept", carl.token(), null);
        api.post("/api/interactions/" + call + "/end", carl.token(), null);
        assertEquals("AFTER_CALL_WORK", voiceStateOf(carl));
        return carl;
    }

    private String voiceStateOf(TestAgent agent) {
        return channel(api.get("/api/agents/me", agent.token()).json(), "voice").getString("state");
    }

    private static void awaitDown() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (var socket = new java.net.Socket("127.0.0.1", 9990)) {
                Thread.sleep(200);
            } catch (java.io.IOException down) {
                return;
            }
        }
        throw new AssertionError("the server did not stop");
    }

    /** A new server process, as an operator starts one: standalone.sh with the same configuration and options. */
    private static void startServer() throws java.io.IOException {
        String home = System.getProperty("jboss.home");
        ProcessBuilder server = new ProcessBuilder(home + "/bin/standalone.sh", "-c", "standalone-full.xml")
                .redirectErrorStream(true)
                .redirectOutput(RestartedServerShutdown.MARKER.toFile());
        server.environment().put("JAVA_OPTS", System.getProperty("server.jvm.args", "")
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        server.start();
    }

    private void awaitReady() {
        Api managementApi = new Api("http://127.0.0.1:9990");
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (managementApi.get("/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException stillStarting) {
                // the management interface is not up yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("server not ready after the restart");
    }

    private JsonObject awaitState(String token, String id, String state, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        JsonObject interaction;
        do {
            interaction = api.get("/api/integration/interactions/" + id, token).json();
        } while (!interaction.getString("state").equals(state) && Instant.now().isBefore(deadline));
        return interaction;
    }

    private String queue(String admin, int ronaSeconds) {
        return api.post("/api/admin/routing/queues", admin, "{\"name\":\"restart-" + UUID.randomUUID()
                + "\",\"ronaTimeoutSeconds\":" + ronaSeconds + "}").json().getString("id");
    }

    private String entryPoint(String admin, String queue) {
        String address = "restart-" + UUID.randomUUID();
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", address).add("queueId", queue).build().toString());
        return address;
    }

    private void members(String admin, String queue, TestAgent agent) {
        api.put("/api/admin/routing/queues/" + queue + "/members", admin, Json.createObjectBuilder()
                .add("agentIds", Json.createArrayBuilder().add(agent.id())).build().toString());
    }

    private String create(String integration, String address) {
        JsonObject created = api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", address).add("customerAddress", "r@example.com")
                .add("content", Contents.of("chat"))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()).json();
        assertEquals("OFFERED", created.getString("state"));
        return created.getString("interactionId");
    }
}
