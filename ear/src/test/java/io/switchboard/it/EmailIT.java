package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Email on the wire (CH1, IX1): mail sent over SMTP to an entry point's mailbox becomes a routed interaction with its
 * files; the agent's reply reaches the customer's mailbox threaded; the customer's answer — with In-Reply-To
 * rewritten as Outlook does — joins the conversation; reading a mailbox again never duplicates; large files and
 * broken MIME never lose the message.
 */
class EmailIT extends ServerTest {

    private final MailServer mail = new MailServer();

    private static String customer() {
        return "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    private MimeMessage email(String from, String to, String messageId, String subject) throws MessagingException {
        MimeMessage message = mail.newMessage();
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setHeader("Message-ID", "<" + messageId + ">");
        return message;
    }

    private static MimeBodyPart file(String name, String type, byte[] data) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(data, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private JsonObject awaitWork(TestAgent agent, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/interactions", agent.token()).array().size() == count);
        var mine = api.get("/api/interactions", agent.token()).array();
        return mine.getJsonObject(mine.size() - 1);
    }

    private JsonObject reply(TestAgent agent, String interactionId, String replyId) {
        return api.get("/api/interactions/" + interactionId + "/replies", agent.token()).array()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("replyId").equals(replyId))
                .findFirst().orElseThrow();
    }

    private byte[] download(TestAgent agent, String interactionId, String fileId) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/interactions/" + interactionId + "/attachments/" + fileId))
                .header("Authorization", "Bearer " + agent.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        return response.body();
    }

    @Test
    void anEmailBecomesAConversationAndItsRepliesThreadBothWays() throws Exception {
        TestAgent ana = fixtures.readyAgent("email");
        Route route = fixtures.route("email", ana);
        String maria = customer();
        String firstId = "first-" + UUID.randomUUID() + "@customer.test";
        byte[] pdf = "%PDF-1.4 invoice 2231".getBytes(StandardCharsets.US_ASCII);

        MimeMessage first = email(maria, route.entryPoint(), firstId, "Invoice 2231");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please resend my invoice.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Please <b>resend</b> my invoice.</p><script>alert(1)</script>"
                + "<img src=\"https://tracker.example/pixel.gif\">", "text/html; charset=UTF-8");
        MimeMultipart body = new MimeMultipart("mixed");
        MimeBodyPart alternative = new MimeBodyPart();
        alternative.setContent(new MimeMultipart("alternative", text, html));
        body.addBodyPart(alternative);
        body.addBodyPart(file("order.pdf", "application/pdf", pdf));
        first.setContent(body);
        mail.send(first);

        JsonObject offered = awaitWork(ana, 1);
        String id = offered.getString("interactionId");
        JsonObject content = Contents.stored(offered);
        assertEquals(maria, offered.getString("customerAddress"));
        assertEquals(maria, content.getString("from"));
        assertEquals("Invoice 2231", content.getString("subject"));
        assertEquals("Please resend my invoice.", content.getString("text").strip());
        assertTrue(content.getString("html").contains("<b>resend</b>"), content.getString("html"));
        assertFalse(content.getString("html").contains("script"), "sanitised: " + content.getString("html"));
        assertFalse(content.getString("html").contains("tracker.example"), "no remote images");
        JsonObject attachment = content.getJsonArray("attachments").getJsonObject(0);
        assertEquals("order.pdf", attachment.getString("name"));
        assertEquals("application/pdf", attachment.getString("type"));
        assertEquals(pdf.length, attachment.getInt("size"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.allRead(route.entryPoint()));

        assertEquals(200, api.post("/api/interactions/" + id + "/accept", ana.token(), null).status());
        assertArrayEquals(pdf, download(ana, id, attachment.getString("id")));
        TestAgent bob = fixtures.agent("email");
        assertEquals(403, api.get("/api/interactions/" + id + "/replies", bob.token()).status(),
                "another agent reads neither replies nor files");

        Api.Reply sent = api.post("/api/interactions/" + id + "/replies", ana.token(), Json.createObjectBuilder()
                .add("text", "Here it is again, Maria.").build().toString());
        assertEquals(202, sent.status(), sent.toString());
        String replyId = sent.json().getString("replyId");
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(reply(ana, id, replyId).getString("status")));

        List<MimeMessage> received = mail.inbox(maria);
        assertEquals(1, received.size(), "sent once");
        MimeMessage answer = received.get(0);
        String ourId = "<sb." + replyId + "@mail.test>";
        assertEquals(ourId, answer.getMessageID());
        assertEquals("<" + firstId + ">", answer.getHeader("In-Reply-To", null));
        assertEquals("<" + firstId + ">", answer.getHeader("References", null));
        assertEquals("Re: Invoice 2231", answer.getSubject());
        assertEquals(route.entryPoint(), ((InternetAddress) answer.getFrom()[0]).getAddress());
        assertEquals("Here it is again, Maria.", answer.getContent().toString().strip());

        // Maria answers from Outlook, which rewrites In-Reply-To; References still names our reply
        MimeMessage fromOutlook = email(maria, route.entryPoint(), "second-" + UUID.randomUUID() + "@customer.test",
                "RE: Invoice 2231");
        fromOutlook.setHeader("In-Reply-To", "<AM0PR01MB1234.outlook-rewritten@eurprd01.prod.outlook.com>");
        fromOutlook.setHeader("References", "<" + firstId + "> " + ourId);
        fromOutlook.setText("Thanks! And the one from May?", "UTF-8");
        mail.send(fromOutlook);
        await().atMost(Duration.ofSeconds(30)).until(() -> Contents.stored(api.get("/api/interactions", ana.token()).array()
                .getJsonObject(0)).getJsonArray("messages").size() >= 2);
        assertEquals(1, api.get("/api/interactions", ana.token()).array().size(), "the same conversation");
        var messages = Contents.stored(api.get("/api/interactions", ana.token()).array().getJsonObject(0))
                .getJsonArray("messages");
        assertEquals("agent", messages.getJsonObject(0).getString("from"));
        assertEquals(replyId, messages.getJsonObject(0).getString("replyId"));
        assertEquals("customer", messages.getJsonObject(1).getString("from"));
        assertEquals("Thanks! And the one from May?", messages.getJsonObject(1).getString("text").strip());

        // the second reply carries the whole chain
        String secondReply = api.post("/api/interactions/" + id + "/replies", ana.token(),
                "{\"text\":\"Attached next.\"}").json().getString("replyId");
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.inbox(maria).size() == 2);
        MimeMessage again = mail.inbox(maria).stream().filter(m -> {
            try {
                return m.getMessageID().contains(secondReply);
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        String references = again.getHeader("References", " ");
        assertTrue(references.contains("<" + firstId + ">") && references.contains(ourId)
                && references.contains("second-"), "the whole chain: " + references);

        // closed, the conversation goes on in a new interaction when Maria writes again
        assertEquals(200, api.post("/api/interactions/" + id + "/end", ana.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + id + "/done", ana.token(), "{}").status());
        MimeMessage later = email(maria, route.entryPoint(), "third-" + UUID.randomUUID() + "@customer.test",
                "Re: Invoice 2231");
        later.setHeader("References", "<" + firstId + "> " + ourId);
        later.setText("One more thing.", "UTF-8");
        mail.send(later);
        JsonObject next = awaitWork(ana, 1);
        assertNotEquals(id, next.getString("interactionId"));
        assertEquals(content.getString("conversationId"), Contents.stored(next).getString("conversationId"),
                "the same conversation");
    }

    @Test
    void anIntegrationsContentCannotInjectHeadersIntoAReply() throws Exception {
        TestAgent ana = fixtures.readyAgent("email");
        Route route = fixtures.route("email", ana);
        String maria = customer();
        String evil = "evil-" + UUID.randomUUID().toString().substring(0, 8) + "@attacker.test";
        Api.Reply created = api.post("/api/integration/interactions", fixtures.integrationToken(),
                Json.createObjectBuilder().add("channel", "email").add("entryPoint", route.entryPoint())
                        .add("customerAddress", maria).add("idempotencyKey", UUID.randomUUID().toString())
                        .add("content", Json.createObjectBuilder().add("from", maria).add("to", route.entryPoint())
                                .add("subject", "Hi\r\nBcc: " + evil).add("text", "Hello")
                                .add("messageId", "x@y.test>\r\nBcc: " + evil)
                                .add("conversationId", "not-a-uuid")).build().toString());
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("interactionId");
        awaitWork(ana, 1);
        api.post("/api/interactions/" + id + "/accept", ana.token(), null);
        String replyId = api.post("/api/interactions/" + id + "/replies", ana.token(), "{\"text\":\"Hello Maria\"}")
                .json().getString("replyId");
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(reply(ana, id, replyId).getString("status")));
        MimeMessage answer = mail.inbox(maria).get(0);
        assertEquals(null, answer.getHeader("Bcc"), "no header smuggled in");
        assertEquals(null, answer.getHeader("In-Reply-To"), "an id that is not one is not used");
        assertFalse(answer.getSubject().contains("\n"), answer.getSubject());
        assertEquals(0, mail.inbox(evil).size(), "nothing reached the address smuggled in");
    }

    @Test
    void readingAMailboxAgainNeverDuplicates() throws Exception {
        TestAgent ana = fixtures.readyAgent("email");
        Route route = fixtures.route("email", ana);
        MimeMessage message = email(customer(), route.entryPoint(), "once-" + UUID.randomUUID() + "@customer.test",
                "Once");
        message.setText("Only once, please.");
        mail.send(message);
        awaitWork(ana, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.allRead(route.entryPoint()));

        // the mark is lost (a crash between the commit and the \Seen flag, a client marking it unread): read again
        assertEquals(1, mail.markAllUnread(route.entryPoint()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.allRead(route.entryPoint()));
        assertEquals(1, api.get("/api/interactions", ana.token()).array().size(), "still one interaction");
        try (var connection = Database.connect();
             var statement = connection.prepareStatement("select count(*) from interaction i join entry_point e "
                     + "on e.id = i.entry_point_id where e.address = ?")) {
            statement.setString(1, route.entryPoint());
            var rows = statement.executeQuery();
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void aTenMegabyteFileIsKeptALargerOneListedAndBrokenMimeKeptWhole() throws Exception {
        TestAgent ana = fixtures.readyAgent("email");
        Route route = fixtures.route("email", ana);
        String maria = customer();
        byte[] tenMegabytes = new byte[10_000_000];
        new Random(7).nextBytes(tenMegabytes);
        byte[] tooLarge = new byte[11 * 1024 * 1024];

        MimeMessage big = email(maria, route.entryPoint(), "big-" + UUID.randomUUID() + "@customer.test", "Scans");
        MimeBodyPart note = new MimeBodyPart();
        note.setText("Two scans attached.");
        big.setContent(new MimeMultipart("mixed", note, file("scan-1.tif", "image/tiff", tenMegabytes),
                file("scan-2.tif", "image/tiff", tooLarge)));
        mail.send(big);

        JsonObject offered = awaitWork(ana, 1);
        JsonObject content = Contents.stored(offered);
        assertEquals(1, content.getJsonArray("attachments").size(), content.toString());
        JsonObject kept = content.getJsonArray("attachments").getJsonObject(0);
        assertEquals("scan-1.tif", kept.getString("name"));
        assertEquals(tenMegabytes.length, kept.getInt("size"));
        JsonObject refused = content.getJsonArray("refused").getJsonObject(0);
        assertEquals("scan-2.tif", refused.getString("name"));
        assertEquals(tooLarge.length, refused.getInt("size"));
        assertTrue(refused.getString("reason").contains("larger"), refused.toString());
        String id = offered.getString("interactionId");
        api.post("/api/interactions/" + id + "/accept", ana.token(), null);
        assertTrue(Arrays.equals(tenMegabytes, download(ana, id, kept.getString("id"))), "the file, byte for byte");

        String brokenId = "broken-" + UUID.randomUUID() + "@customer.test";
        String raw = "From: " + maria + "\r\nTo: " + route.entryPoint() + "\r\nSubject: Broken\r\nMessage-ID: <"
                + brokenId + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"never-there\"\r\n\r\n"
                + "This body has no boundary at all.\r\nIt is still what the customer wrote.\r\n";
        mail.sendRaw(maria, route.entryPoint(), raw.getBytes(StandardCharsets.UTF_8));
        TestAgent bea = fixtures.readyAgent("email");
        fixtures.members(route.queueId(), ana, bea);
        JsonObject malformed = Contents.stored(awaitWork(bea, 1));
        assertTrue(malformed.getBoolean("malformed"), malformed.toString());
        assertTrue(malformed.getString("text").contains("It is still what the customer wrote."));
        assertEquals("message/rfc822", malformed.getJsonArray("attachments").getJsonObject(0).getString("type"));
    }
}
