package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writing in conversations agents start (issue 11, second half): templates filled from the customer and the agent,
 * strict on a missing value (OB7); inline images hosted by us, limited, refused for PCI tenants, never as CID parts,
 * purged after six months (OB10); workflow triggers of inbound work silent for outbound, and a workflow started by
 * hand (OB11); earlier conversations as history in the new one (OB12).
 */
class OutboundWritingIT extends ServerTest {

    private final SmsProvider provider = new SmsProvider();
    private final MailServer mail = new MailServer();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String mobile() {
        return "+55119" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private TestAgent outboundAgent() {
        TestAgent agent = fixtures.readyAgent("sms", "email");
        String profile = api.post("/api/admin/routing/profiles", fixtures.adminToken(), Json.createObjectBuilder()
                .add("name", "writing-" + UUID.randomUUID()).add("capacity", Json.createObjectBuilder()
                        .add("sms", 3).add("email", 3)).add("licenceTier", "PREMIUM").add("maxOutbound", 3)
                .add("outboundChannels", Json.createArrayBuilder().add("sms").add("email")).build().toString())
                .json().getString("id");
        assertEquals(204, api.put("/api/admin/routing/agents/" + agent.id() + "/profile", fixtures.adminToken(),
                "{\"profileId\":\"" + profile + "\"}").status());
        return agent;
    }

    private String start(TestAgent agent, Route from, String to, String subject) {
        var body = Json.createObjectBuilder().add("from", from.entryPointId()).add("to", to);
        if (subject != null) {
            body.add("subject", subject);
        }
        Api.Reply started = api.post("/api/outbound/conversations", agent.token(), body.build().toString());
        assertEquals(201, started.status(), started.toString());
        return started.json().getString("interactionId");
    }

    private JsonObject held(TestAgent agent, String interactionId) {
        return api.get("/api/interactions", agent.token()).array().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("interactionId").equals(interactionId)).findFirst().orElseThrow();
    }

    private Api.Reply template(String json) {
        return api.post("/api/admin/outbound/templates", fixtures.adminToken(), json);
    }

    // ---- OB7: templates ----

    @Test
    void aTemplateIsCheckedWhenWrittenAndFilledStrictlyBeforeSending() {
        String name = "Welcome " + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = template(Json.createObjectBuilder().add("channel", "sms").add("name", name)
                .add("body", "Olá {{customer.firstName}}, aqui é {{agent.firstName}} da {{company.name}}.")
                .build().toString());
        assertEquals(201, created.status(), created.toString());
        String templateId = created.json().getString("templateId");

        // every reference is checked when the template is written, each refusal in words
        assertTrue(template("{\"channel\":\"sms\",\"name\":\"x1\",\"body\":\"Hi {{custmer.name}}\"}")
                .isProblem(422, "template-invalid"), "a mistyped placeholder");
        assertTrue(template("{\"channel\":\"sms\",\"name\":\"x2\",\"body\":\"{{#agent.name}}hi{{/agent.name}}\"}")
                .isProblem(422, "template-invalid"), "no sections: a template says, it does not decide");
        assertTrue(template("{\"channel\":\"sms\",\"name\":\"x3\",\"body\":\"Hi {{customer.name\"}")
                .isProblem(422, "template-invalid"), "unclosed");
        assertTrue(template("{\"channel\":\"sms\",\"name\":\"x4\",\"subject\":\"S\",\"body\":\"Hi\"}")
                .isProblem(422, "template-invalid"), "an SMS has no subject");
        assertTrue(template("{\"channel\":\"sms\",\"name\":\"x6\",\"body\":\"Hi\\u0000\"}")
                .isProblem(422, "template-invalid"), "a NUL, which the database cannot store, is refused in words");
        assertTrue(template("{\"channel\":\"chat\",\"name\":\"x5\",\"body\":\"Hi\"}")
                .isProblem(422, "template-channel-unsupported"));
        assertTrue(template(Json.createObjectBuilder().add("channel", "SMS").add("name", name.toUpperCase())
                .add("body", "Hi").build().toString()).isProblem(409, "template-name-taken"));
        assertEquals(0, Database.count("select count(*) from message_template where name like 'x_'"));

        TestAgent ana = outboundAgent();
        assertTrue(api.get("/api/outbound/templates?channel=sms", ana.token()).array().getValuesAs(JsonObject.class)
                .stream().anyMatch(t -> t.getString("templateId").equals(templateId)));
        assertTrue(api.get("/api/admin/outbound/templates", ana.token()).status() == 403, "agents do not write them");

        // a customer nobody named yet: the missing value is refused before anything is sent
        String maria = mobile();
        Api.Reply unnamed = api.post("/api/outbound/templates/" + templateId + "/fill", ana.token(),
                "{\"to\":\"" + maria + "\"}");
        assertTrue(unnamed.isProblem(422, "template-value-missing"), unnamed.toString());
        assertTrue(unnamed.json().getString("detail").contains("{{customer.firstName}}"), unnamed.toString());

        Route sms = fixtures.route("sms");
        String conversation = start(ana, sms, maria, null);
        String customerId = held(ana, conversation).getString("customerId");
        assertTrue(api.put("/api/customers/" + customerId + "/name", ana.token(), "{\"name\":\"Maria\\u0007Souza\"}")
                .isProblem(422, "customer-name-invalid"));
        assertEquals(200, api.put("/api/customers/" + customerId + "/name", ana.token(),
                "{\"name\":\"Maria Souza\"}").status());
        Api.Reply filled = api.post("/api/outbound/templates/" + templateId + "/fill", ana.token(),
                "{\"to\":\"" + maria + "\"}");
        assertEquals(200, filled.status(), filled.toString());
        String text = filled.json().getString("text");
        assertEquals("Olá Maria, aqui é Test da Demo Contact Center.", text);

        api.post("/api/interactions/" + conversation + "/replies", ana.token(),
                Json.createObjectBuilder().add("text", text).build().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> !provider.sentTo(maria).isEmpty());
        assertEquals(text, provider.sentTo(maria).get(0).get("Body"), "what the agent saw is what went out");

        // an email template fills its subject too; rewritten and deleted by the administrator
        Api.Reply email = template(Json.createObjectBuilder().add("channel", "email").add("name", name)
                .add("subject", "For {{customer.name}}").add("body", "Dear {{customer.name}},\n\n{{agent.name}}")
                .build().toString());
        assertEquals(201, email.status(), email.toString());
        String emailId = email.json().getString("templateId");
        Api.Reply noAddress = api.post("/api/outbound/templates/" + emailId + "/fill", ana.token(),
                "{\"to\":\"not-an-address\"}");
        assertTrue(noAddress.isProblem(422, "invalid-recipient"), noAddress.toString());
        assertEquals(200, api.put("/api/admin/outbound/templates/" + emailId, fixtures.adminToken(),
                "{\"name\":\"" + name + "\",\"body\":\"Hello {{customer.address}}\"}").status());
        String address = "t-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        JsonObject rewritten = api.post("/api/outbound/templates/" + emailId + "/fill", ana.token(),
                "{\"to\":\"" + address + "\"}").json();
        assertEquals("Hello " + address, rewritten.getString("text"));
        assertTrue(!rewritten.containsKey("subject") || rewritten.isNull("subject"),
                "the subject was left out of the new wording: " + rewritten);
        assertTrue(api.put("/api/admin/outbound/templates/" + emailId, fixtures.adminToken(),
                "{\"channel\":\"sms\",\"name\":\"n\",\"body\":\"b\"}").isProblem(422, "template-channel-fixed"));
        assertEquals(204, api.delete("/api/admin/outbound/templates/" + emailId, fixtures.adminToken()).status());
        assertTrue(api.post("/api/outbound/templates/" + emailId + "/fill", ana.token(),
                "{\"to\":\"" + address + "\"}").isProblem(404, "template-not-found"));
    }

    // ---- OB10: inline images ----

    private static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0x00FF7F);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> upload(TestAgent agent, String interactionId, String type, byte[] bytes)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/interactions/" + interactionId
                        + "/inline-images")).header("Authorization", "Bearer " + agent.token())
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) {
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        String type = problem.getString("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private Api.Reply reply(TestAgent agent, String interactionId, String html) {
        return api.post("/api/interactions/" + interactionId + "/replies", agent.token(), Json.createObjectBuilder()
                .add("text", "See the picture.").add("html", html).build().toString());
    }

    @Test
    void inlineImagesAreHostedByUsLimitedNeverCidPartsAndPurgedAfterSixMonths() throws Exception {
        TestAgent ana = outboundAgent();
        Route email = fixtures.route("email");
        String maria = "img-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        String conversation = start(ana, email, maria, "Your parcel " + UUID.randomUUID());

        byte[] picture = png();
        HttpResponse<String> uploaded = upload(ana, conversation, "image/png", picture);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String url = Json.createReader(new StringReader(uploaded.body())).readObject().getString("url");
        assertTrue(url.matches("http://localhost:8080/api/public/inline-images/[A-Za-z0-9_-]{43}"), url);

        // the customer's mail client loads it without login, as an image and nothing else
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertArrayEquals(picture, served.body());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(url.substring(0, url.length() - 1)
                + (url.endsWith("A") ? "B" : "A"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "another token finds nothing");

        // the limits: 15 KB fixed, an image by its bytes
        byte[] large = Arrays.copyOf(picture, 15 * 1024 + 1);
        HttpResponse<String> tooLarge = upload(ana, conversation, "image/png", large);
        assertEquals(422, tooLarge.statusCode());
        assertEquals("inline-image-too-large", code(tooLarge));
        assertEquals(201, upload(ana, conversation, "image/png", Arrays.copyOf(picture, 15 * 1024)).statusCode(),
                "exactly 15 KB is allowed");
        HttpResponse<String> html = upload(ana, conversation, "image/png",
                "<script>alert(1)</script>".getBytes());
        assertEquals("inline-image-invalid", code(html));
        TestAgent bob = outboundAgent();
        assertEquals(403, upload(bob, conversation, "image/png", picture).statusCode(), "not Bob's conversation");
        String text = start(ana, fixtures.route("sms"), mobile(), null);
        assertEquals(403, upload(ana, text, "image/png", picture).statusCode(), "images go into emails only");
        assertEquals(2, Database.count("select count(*) from inline_image where interaction_id = ?::uuid",
                conversation));

        // what is sent: never a Content-ID part, never an image we do not host
        assertTrue(reply(ana, conversation, "<p>Logo <img src=\"cid:logo@x\"></p>").isProblem(422,
                "cid-not-allowed"));
        assertTrue(reply(ana, conversation, "<p><img alt=\">\" src=\"CID:logo@x\"></p>").isProblem(422,
                "cid-not-allowed"), "however the tag is written");
        assertTrue(reply(ana, conversation, "<p><img src=\"https://tracker.example/p.png\"></p>").isProblem(422,
                "inline-image-not-hosted"));
        assertTrue(reply(ana, conversation, "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\"></p>")
                .isProblem(422, "inline-image-not-hosted"));
        assertEquals(0, Database.count("select count(*) from outbound_message where interaction_id = ?::uuid",
                        conversation),
                "a refused reply is neither queued");
        Api.Reply sent = reply(ana, conversation, "<p>Your parcel:</p><img src=\"" + url + "\" alt=\"parcel\">");
        assertEquals(202, sent.status(), sent.toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.inbox(maria).size() == 1);
        MimeMessage received = mail.inbox(maria).get(0);
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        String htmlPart = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            assertNull(part.getHeader("Content-ID"), "no CID part");
            if (part.getContentType().startsWith("text/html")) {
                htmlPart = (String) part.getContent();
            }
        }
        assertTrue(htmlPart != null && htmlPart.contains("src=\"" + url + "\""), htmlPart);

        // a PCI-restricted tenant sends no inline image at all
        try {
            assertEquals(200, api.put("/api/admin/tenant-settings", fixtures.adminToken(),
                    "{\"pciRestricted\":true}").status());
            HttpResponse<String> pci = upload(ana, conversation, "image/png", picture);
            assertEquals(422, pci.statusCode());
            assertEquals("inline-images-pci-restricted", code(pci));
            assertTrue(reply(ana, conversation, "<img src=\"" + url + "\">").isProblem(422,
                    "inline-images-pci-restricted"));
            assertEquals(202, reply(ana, conversation, "<p>No pictures.</p>").status(), "HTML without images goes");
        } finally {
            api.put("/api/admin/tenant-settings", fixtures.adminToken(), "{\"pciRestricted\":false}");
        }

        // six months after upload it is purged (the test server's purge runs every 2 s); a day short, it stays
        String token = url.substring(url.lastIndexOf('/') + 1);
        Database.update("update inline_image set created_at = now() - interval '6 months' - interval '1 day' "
                + "where token = ?", token);
        Database.update("update inline_image set created_at = now() - interval '6 months' + interval '1 day' "
                + "where interaction_id = ?::uuid and token <> ?", conversation, token);
        await().atMost(Duration.ofSeconds(15)).until(() -> Database.count(
                "select count(*) from inline_image where token = ?", token) == 0);
        assertEquals(1, Database.count("select count(*) from inline_image where interaction_id = ?::uuid",
                conversation));
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    // ---- OB11: workflows ----

    private static List<JsonObject> drain(BackOfficeTopic topic, long quietMillis) {
        List<JsonObject> messages = new ArrayList<>();
        for (String body = topic.next(quietMillis); body != null; body = topic.next(quietMillis)) {
            messages.add(Json.createReader(new StringReader(body)).readObject());
        }
        return messages;
    }

    private static List<String> eventsOf(List<JsonObject> messages, String interactionId) {
        return messages.stream().filter(m -> m.getJsonObject("interaction").getString("interactionId")
                .equals(interactionId)).map(m -> m.getString("event")).toList();
    }

    @Test
    void workflowTriggersFireForInboundWorkOnlyAndAnAgentStartsANamedWorkflow() throws Exception {
        String admin = fixtures.adminToken();
        assertTrue(api.put("/api/admin/workflows/triggers", admin, "{\"events\":[\"TASK_BORN\"]}")
                .isProblem(422, "workflow-trigger-unknown"));
        try (BackOfficeTopic triggers = BackOfficeTopic.workflowTriggers()) {
            assertEquals(200, api.put("/api/admin/workflows/triggers", admin,
                    "{\"events\":[\"TASK_CREATED\",\"TASK_ROUTED\",\"TASK_ENDED\"]}").status());
            TestAgent ana = outboundAgent();
            Route inboundRoute = fixtures.route("sms", ana);
            String inbound = fixtures.workInHand(ana, inboundRoute);
            api.post("/api/interactions/" + inbound + "/end", ana.token(), null);
            api.post("/api/interactions/" + inbound + "/done", ana.token(), "{}");

            String outbound = start(ana, fixtures.route("sms"), mobile(), null);
            api.post("/api/interactions/" + outbound + "/end", ana.token(), null);
            api.post("/api/interactions/" + outbound + "/done", ana.token(), "{}");

            List<JsonObject> heard = drain(triggers, 6_000);
            assertEquals(List.of("TASK_CREATED", "TASK_ROUTED", "TASK_ENDED"), eventsOf(heard, inbound),
                    "inbound work, each event once: " + heard);
            assertEquals(List.of(), eventsOf(heard, outbound), "nothing for a conversation an agent started");

            // the tenant turns them off: nothing more
            assertEquals(200, api.put("/api/admin/workflows/triggers", admin, "{\"events\":[]}").status());
            String quiet = fixtures.interaction("sms", inboundRoute.entryPoint()).getString("interactionId");
            assertEquals(List.of(), eventsOf(drain(triggers, 3_000), quiet));
        } finally {
            api.put("/api/admin/workflows/triggers", admin, "{\"events\":[]}");
        }

        // a named workflow, started by hand on an outbound conversation: one command with its context
        String name = "refund-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(api.post("/api/admin/workflows", admin, "{\"name\":\"Refund Now\",\"label\":\"Refund\"}")
                .isProblem(422, "workflow-invalid"));
        assertEquals(201, api.post("/api/admin/workflows", admin, "{\"name\":\"" + name
                + "\",\"label\":\"Refund\"}").status());
        assertTrue(api.post("/api/admin/workflows", admin, "{\"name\":\"" + name + "\",\"label\":\"Again\"}")
                .isProblem(409, "workflow-exists"));
        TestAgent bea = outboundAgent();
        assertTrue(api.get("/api/workflows", bea.token()).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(w -> w.getString("name").equals(name)));
        String subject = "Refund " + UUID.randomUUID();
        String conversation = start(bea, fixtures.route("email"), "wf-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@customer.test", subject);
        try (BackOfficeTopic commands = BackOfficeTopic.workflowCommands(conversation)) {
            assertTrue(api.post("/api/interactions/" + conversation + "/workflows", bea.token(),
                    "{\"name\":\"unknown\"}").isProblem(404, "workflow-not-found"));
            TestAgent other = outboundAgent();
            assertEquals(403, api.post("/api/interactions/" + conversation + "/workflows", other.token(),
                    "{\"name\":\"" + name + "\"}").status());
            Api.Reply started = api.post("/api/interactions/" + conversation + "/workflows", bea.token(),
                    "{\"name\":\"" + name + "\"}");
            assertEquals(202, started.status(), started.toString());
            Message message = commands.nextMessage(10_000);
            assertTrue(message != null, "the command reached the workflow queue");
            JsonObject command = Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
            assertEquals(name, command.getString("workflow"));
            assertEquals(bea.id(), command.getString("startedBy"));
            JsonObject context = command.getJsonObject("interaction");
            assertEquals(conversation, context.getString("interactionId"));
            assertEquals(subject, context.getString("subject"));
            assertTrue(context.getBoolean("outbound"));
            assertNull(commands.nextMessage(1_000), "one command, once");
        }
        assertEquals(204, api.delete("/api/admin/workflows/" + name, admin).status());
    }

    // ---- OB12: history ----

    @Test
    void earlierConversationsWithTheCustomerStayVisibleInTheNewOne() {
        TestAgent ana = outboundAgent();
        Route sms = fixtures.route("sms");
        String maria = mobile();
        String first = start(ana, sms, maria, null);
        api.post("/api/interactions/" + first + "/replies", ana.token(), "{\"text\":\"Your order left today.\"}");
        assertEquals(200, provider.webhook(api.base() + "/api/hooks/twilio/sms/" + sms.entryPointId(),
                Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", maria,
                        "To", sms.entryPoint(), "Body", "Thanks!", "NumMedia", "0"), SmsProvider.TOKEN)
                .statusCode());
        api.post("/api/interactions/" + first + "/end", ana.token(), null);
        api.post("/api/interactions/" + first + "/done", ana.token(), "{}");

        // writing to her again is a new conversation, with the closed one as its history
        String second = start(ana, sms, maria, null);
        assertFalse(second.equals(first));
        Api.Reply earlier = api.get("/api/interactions/" + second + "/earlier", ana.token());
        assertEquals(200, earlier.status(), earlier.toString());
        List<JsonObject> history = earlier.array().getValuesAs(JsonObject.class);
        assertEquals(1, history.size(), history.toString());
        assertEquals(first, history.get(0).getString("interactionId"));
        assertTrue(history.get(0).getBoolean("outbound"));
        String said = Contents.stored(history.get(0)).getJsonArray("messages").toString();
        assertTrue(said.contains("Your order left today.") && said.contains("Thanks!"), said);

        TestAgent bob = outboundAgent();
        assertEquals(403, api.get("/api/interactions/" + second + "/earlier", bob.token()).status(),
                "only whoever may read the conversation reads its history");
    }
}
