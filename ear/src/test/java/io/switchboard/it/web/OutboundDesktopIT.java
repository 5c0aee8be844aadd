package io.switchboard.it.web;

import io.switchboard.it.Api;
import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.switchboard.it.web.ReplyDesktopIT.sent;
import static io.switchboard.it.web.ReplyDesktopIT.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New conversation in a real headless Chromium (OB1–OB6, OB9): from the top bar the agent starts an SMS or an email
 * conversation with a customer, from one of the tenant's entry points; it is theirs at once, selected in the task
 * panel, and its first message goes out from its reply box like any reply. A second conversation with a customer
 * who has one open is refused in the dialog, in words, with what was typed kept. A template (OB7) writes the first
 * message: filled by the server for the customer in To, its text waits in the new conversation's reply box; one that
 * needs a value the customer has not (a name) is refused in the dialog, in words. A conversation the agent started
 * is transferred to a colleague like any other (OB13), the agent then finishing their wrap-up. What reached the SMS
 * provider and the mail server is asserted by the channels' own tests.
 */
class OutboundDesktopIT extends ServerTest {

    private static final Duration ARRIVING = Duration.ofSeconds(10);
    private static final By DIALOG = By.cssSelector("dialog#outbound[open]");
    private static final By TO = By.cssSelector("#outbound input[data-outbound-to]");
    private static final By ERROR = By.cssSelector("#outbound [data-outbound-error]");
    private static final By TEMPLATE_NOTE = By.cssSelector("#outbound [data-outbound-template-note]");

    @Test
    void anAgentTextsACustomerFirstAndCannotOpenASecondConversationWithThem() {
        TestAgent ana = outboundAgent();
        Route texts = fixtures.route("sms", ana);
        String customer = "+55119" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);

            // The dialog, filled; Enter in To starts it.
            fill(browser, "SMS", texts, customer);
            browser.screenshot("new-conversation");
            browser.press(Keys.ENTER);
            browser.await(d -> d.findElements(DIALOG).isEmpty());

            // It is in hand at once, selected, with the customer as the one written to and nothing written yet.
            String sms = selected(browser, "SMS", customer);
            By conversation = By.cssSelector("#interaction [data-interaction='" + sms + "'][data-state='ACTIVE']");
            browser.find(conversation);
            assertEquals(customer, shown(browser, sms, "To"));
            assertEquals(texts.entryPoint(), shown(browser, sms, "From"));
            assertFalse(browser.text(conversation).contains("undefined"), browser.text(conversation));
            browser.await(d -> browser.focused().getAttribute("data-reply-text") != null);   // ready for the first line
            assertMine(sms, ana);

            // The first message: one line, Enter sends, and it is sent.
            By line = By.cssSelector("#interaction [data-interaction='" + sms + "'] input[data-reply-text]");
            write(browser, line, "Oi Maria, aqui é a Ana da Switchboard.");
            browser.press(Keys.ENTER);
            sent(browser, sms);
            browser.screenshot("outbound-sms");

            // A second conversation with her on SMS is refused where it was asked, in words, with the number kept.
            fill(browser, "SMS", texts, customer);
            browser.click(By.cssSelector("#outbound [data-outbound-start]"));
            String refusal = browser.text(By.cssSelector("#outbound [data-outbound-error]"));
            assertFalse(refusal.isBlank());
            assertTrue(refusal.contains("open already"), refusal);
            browser.find(DIALOG);
            assertEquals(customer, browser.find(TO).getAttribute("value"), "what was typed is kept");
            assertEquals(1, api.get("/api/interactions", ana.token()).array().getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("channel").equals("SMS")).count(), "nothing of the refused one stays");

            // Escape closes it; the keyboard is back on the button that opened it.
            browser.press(Keys.ESCAPE);
            browser.await(d -> d.findElements(DIALOG).isEmpty());
            assertEquals("new-conversation", browser.focused().getAttribute("id"));
        }
    }

    @Test
    void anAgentWritesACustomerFirstByEmailWithASubjectAndNothingQuoted() {
        TestAgent ana = outboundAgent();
        Route mail = fixtures.route("email", ana);
        String id = UUID.randomUUID().toString();
        String customer = "maria-" + id + "@customer.test";
        String subject = "Order " + id;
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);

            fill(browser, "EMAIL", mail, customer);
            browser.type(By.cssSelector("#outbound input[data-outbound-subject]"), subject);
            browser.click(By.cssSelector("#outbound [data-outbound-start]"));
            browser.await(d -> d.findElements(DIALOG).isEmpty());

            String email = selected(browser, "EMAIL", customer);
            By conversation = By.cssSelector("#interaction [data-interaction='" + email + "'][data-state='ACTIVE']");
            assertEquals(customer, shown(browser, email, "To"));
            assertEquals(mail.entryPoint(), shown(browser, email, "From"));
            assertEquals(subject, shown(browser, email, "Subject"));
            assertFalse(browser.text(conversation).contains("undefined"), browser.text(conversation));
            assertMine(email, ana);

            // Nothing to quote: the customer has not written. Enter is a new line, Ctrl+Enter sends.
            By box = By.cssSelector("#interaction [data-interaction='" + email + "'] textarea[data-reply-text]");
            assertEquals("", browser.find(box).getAttribute("value"), "an empty box, no quote");
            write(browser, box, "Hello Maria,", Keys.ENTER, "your order ships today.");
            browser.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
            sent(browser, email);
            By mine = By.cssSelector("#interaction [data-interaction='" + email + "'] li[data-from='agent']");
            assertEquals(1, browser.driver().findElements(mine).size(), "Enter did not send on its own");
            assertTrue(browser.text(mine).contains("your order ships today."), browser.text(mine));
        }
    }

    @Test
    void anAgentTextsACustomerFromATemplateAndOneNeedingTheirNameIsRefusedInWords() {
        TestAgent ana = outboundAgent();
        Route texts = fixtures.route("sms", ana);
        // a number nobody wrote to before: no name is recorded for this customer
        String customer = "+55119" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);

            // "Order update" greets the customer by first name, which is not recorded: refused in the dialog, in
            // words naming the value, with the number kept and nothing started.
            fill(browser, "SMS", texts, customer);
            template(browser, "Order update");
            String refusal = browser.await(d -> {
                String shown = d.findElement(ERROR).getText();
                return shown.contains("customer.firstName") ? shown : null;
            });
            assertFalse(refusal.contains("problems/"), "said in words, not as a code: " + refusal);
            browser.find(DIALOG);
            assertEquals(customer, browser.find(TO).getAttribute("value"), "what was typed is kept");
            assertTrue(api.get("/api/interactions", ana.token()).array().getValuesAs(JsonObject.class).stream()
                    .noneMatch(i -> customer.equals(i.getString("customerAddress", ""))), "nothing was started");

            // "Call back" needs no name: filled at once, its text shown in the dialog, the refusal gone.
            template(browser, "Call back");
            browser.await(d -> d.findElement(TEMPLATE_NOTE).getText().contains("we tried to reach you"));
            browser.await(d -> !d.findElement(ERROR).isDisplayed());
            browser.screenshot("new-conversation-template");
            browser.click(By.cssSelector("#outbound [data-outbound-start]"));
            browser.await(d -> d.findElements(DIALOG).isEmpty());

            // The started conversation's reply line holds the filled text, with the keyboard there; Enter sends it.
            String sms = selected(browser, "SMS", customer);
            By line = By.cssSelector("#interaction [data-interaction='" + sms + "'] input[data-reply-text]");
            browser.await(d -> d.findElement(line).getAttribute("value").contains("we tried to reach you"));
            browser.await(d -> browser.focused().getAttribute("data-reply-text") != null);
            browser.press(Keys.ENTER);
            String reply = sent(browser, sms);
            JsonObject stored = api.get("/api/interactions/" + sms + "/replies", ana.token()).array()
                    .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("replyId").equals(reply))
                    .findFirst().orElseThrow(() -> new AssertionError("no reply " + reply + " of " + sms));
            assertTrue(stored.getString("text").contains("we tried to reach you"), stored.toString());
        }
    }

    /**
     * A conversation the agent started is handed to a colleague like any other (OB13): Ana texts a customer from New
     * conversation, then picks Bia, shown Available on SMS, in the transfer dialog of the Action menu. While it rings
     * Ana sees it pending; Bia gets it as a transfer offer, accepts it in her own desk and finds Ana's first line in
     * it. Ana is told Bia took it and is left with her part, which she finishes with the queue's required wrap-up
     * code; the conversation then leaves her desk and stays active in Bia's hands.
     */
    @Test
    void anAgentTextsACustomerFirstThenTransfersTheConversationToAColleagueAndWrapsUp() {
        TestAgent ana = outboundAgent();
        TestAgent bia = fixtures.readyAgent("sms");
        Route texts = fixtures.route("sms", Json.createObjectBuilder()
                .add("name", "Outbound transfers " + UUID.randomUUID().toString().substring(0, 6))
                .add("wrapUpRequired", true).add("wrapUpCodes", Json.createArrayBuilder().add("SOLVED")
                        .add("TRANSFERRED")).build().toString(), ana);
        String customer = "+55119" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first = "Oi Maria, aqui é a Ana; a Bia vai cuidar do seu pedido.";
        String sms;
        try (Browser anas = new Browser("en"); Browser bias = new Browser("en")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            bias.open();
            bias.signIn(bia.login(), Fixtures.PASSWORD);

            // Ana starts it and writes the first line, as in any conversation she starts.
            fill(anas, "SMS", texts, customer);
            anas.press(Keys.ENTER);
            anas.await(d -> d.findElements(DIALOG).isEmpty());
            sms = selected(anas, "SMS", customer);
            By line = By.cssSelector("#interaction [data-interaction='" + sms + "'] input[data-reply-text]");
            write(anas, line, first);
            anas.press(Keys.ENTER);
            sent(anas, sms);

            // The Action menu opens the transfer dialog, about this conversation; the search finds Bia, Available.
            anas.click(By.cssSelector("#interaction [data-menu]"));
            anas.click(By.cssSelector("#action-menu [data-do='transfer']"));
            anas.find(By.cssSelector("dialog#transfer[open]"));
            assertTrue(anas.text(By.id("transfer-title")).contains(customer), anas.text(By.id("transfer-title")));
            anas.type(By.id("transfer-search"), bia.login());
            By biasRow = By.cssSelector("#transfer-agents [data-target-agent='" + bia.id() + "']");
            anas.await(d -> d.findElement(biasRow).getText().contains("Available"));
            anas.screenshot("outbound-transfer");
            anas.click(By.cssSelector("#transfer-agents [data-target-agent='" + bia.id() + "'] "
                    + "button[data-do='transfer-to']"));
            anas.await(d -> d.findElements(By.cssSelector("dialog#transfer[open]")).isEmpty());

            // Ana keeps it, pending, while it rings; Bia accepts the offer and has it with what Ana wrote.
            anas.await(d -> d.findElement(By.cssSelector("#interaction [data-transfer-pending]")).getText()
                    .contains("Transfer pending"));
            bias.find(By.cssSelector("[data-offer='" + sms + "'][data-part='TRANSFER_OFFER']"));
            bias.click(By.cssSelector("[data-offer='" + sms + "'] button[data-do='accept']"));
            By biasConversation = By.cssSelector("#interaction [data-interaction='" + sms + "'][data-state='ACTIVE']");
            bias.await(d -> d.findElement(biasConversation).getText().contains(first), ARRIVING);

            // Ana is told and is left with her wrap-up, which needs a code: Done, the code, Mark Done.
            anas.await(d -> d.findElement(By.id("notice")).getText().contains("took the transfer"), ARRIVING);
            By handedOver = By.cssSelector("#interaction [data-interaction='" + sms + "'][data-part='HANDED_OVER']"
                    + "[data-state='WRAP_UP']");
            anas.find(handedOver);
            anas.click(By.cssSelector("#interaction [data-interaction='" + sms + "'][data-part='HANDED_OVER'] "
                    + "button[data-do='done']"));
            anas.find(By.id("wrapup-required"));
            new Select(anas.find(By.id("wrapup-code"))).selectByValue("TRANSFERRED");
            anas.click(By.id("wrapup-done"));
            anas.await(d -> d.findElements(By.cssSelector("[data-interaction='" + sms + "'], "
                    + "#work [data-task='" + sms + "']")).isEmpty());
        }

        // Stored: Bia holds it, active, with nothing of hers to wrap up; Ana has nothing of it left in hand.
        JsonObject moved = api.get("/api/integration/interactions/" + sms, fixtures.integrationToken()).json();
        assertEquals(bia.id(), moved.getString("agentId"), moved.toString());
        assertEquals("ACTIVE", moved.getString("state"), moved.toString());
        JsonObject biasPart = api.get("/api/interactions", bia.token()).array().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("interactionId").equals(sms)).findFirst()
                .orElseThrow(() -> new AssertionError(sms + " is not in Bia's hands"));
        assertEquals("ACTIVE", biasPart.getString("state"), biasPart.toString());
        assertEquals("", biasPart.getString("part", ""), "hers outright: " + biasPart);
        assertTrue(api.get("/api/interactions", ana.token()).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(i -> i.getString("interactionId").equals(sms)), "wrapped up, it left Ana's hands");
    }

    /** An agent Ready on SMS and email whose profile lets them start up to three conversations on both. */
    private TestAgent outboundAgent() {
        TestAgent agent = fixtures.readyAgent("sms", "email");
        Api.Reply profile = api.post("/api/admin/routing/profiles", fixtures.adminToken(), Json.createObjectBuilder()
                .add("name", "outbound-" + UUID.randomUUID())
                .add("capacity", Json.createObjectBuilder().add("sms", 2).add("email", 2))
                .add("licenceTier", "PREMIUM").add("maxOutbound", 3)
                .add("outboundChannels", Json.createArrayBuilder().add("sms").add("email")).build().toString());
        assertEquals(201, profile.status(), profile.toString());
        assertEquals(204, api.put("/api/admin/routing/agents/" + agent.id() + "/profile", fixtures.adminToken(),
                Json.createObjectBuilder().add("profileId", profile.json().getString("id")).build().toString())
                .status());
        return agent;
    }

    /**
     * Opens New conversation from the top bar and fills it: the channel, the route's entry point as From (chosen by
     * its id: the tenant has many), the customer as To. The lists come once the entry points are read.
     */
    private static void fill(Browser browser, String channel, Route from, String to) {
        browser.click(By.cssSelector("[data-do='new-conversation']"));
        browser.find(DIALOG);
        browser.await(d -> d.findElement(By.cssSelector("#outbound [data-outbound-start]")).isEnabled());
        choose(browser, "data-outbound-channel", channel);
        choose(browser, "data-outbound-from", from.entryPointId());
        browser.type(TO, to);
    }

    /** Picks a template by its name, once the chosen channel's templates are read; choosing it fills it. */
    private static void template(Browser browser, String name) {
        browser.await(d -> {
            new Select(d.findElement(By.cssSelector("#outbound select[data-outbound-template]")))
                    .selectByVisibleText(name);
            return true;
        });
    }

    /** Selects an option of one of the dialog's lists (drawn again when the channel changes: found again then). */
    private static void choose(Browser browser, String list, String value) {
        browser.await(d -> {
            new Select(d.findElement(By.cssSelector("#outbound select[" + list + "]"))).selectByValue(value);
            return true;
        });
    }

    /** The task selected in the panel: active, on this channel, with this customer; returns its interaction's id. */
    private static String selected(Browser browser, String channel, String customer) {
        By task = By.cssSelector("#work [data-task][aria-selected='true'][data-state='ACTIVE'][data-channel='"
                + channel + "']");
        return browser.await(d -> d.findElements(task).stream().filter(t -> t.getText().contains(customer))
                .findFirst().map(t -> t.getAttribute("data-task")).orElse(null), ARRIVING);
    }

    /** What the conversation's content shows under a label (From, To, Subject). */
    private static String shown(Browser browser, String interaction, String label) {
        return browser.text(By.xpath("//*[@id='interaction']//*[@data-interaction='" + interaction + "']"
                + "//*[contains(@class, 'content')]//dt[normalize-space()='" + label + "']/following-sibling::dd[1]"));
    }

    /** The server agrees: the conversation is the agent's, active, without having been offered. */
    private void assertMine(String interaction, TestAgent agent) {
        JsonObject stored = api.get("/api/integration/interactions/" + interaction, fixtures.integrationToken()).json();
        assertEquals(agent.id(), stored.getString("agentId"), stored.toString());
        assertEquals("ACTIVE", stored.getString("state"), stored.toString());
    }
}
