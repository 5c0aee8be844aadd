package io.switchboard.it.web;

import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies by email and SMS in a real headless Chromium (issue 10): the agent answers an email from the box that
 * starts with the customer's message quoted (Enter a new line, Ctrl+Enter sends) and an SMS from its line (Enter
 * sends), and beside each reply its send status comes in, in words, until it is sent. What reached the mail server
 * and the SMS provider is asserted by the channels' own tests.
 */
class ReplyDesktopIT extends ServerTest {

    private static final Duration SENDING = Duration.ofSeconds(15);

    @Test
    void anAgentRepliesToAnEmailAndAnSmsAndSeesEachOneSent() {
        TestAgent ana = fixtures.readyAgent("email", "sms");
        Route mail = fixtures.route("email", ana);
        Route texts = fixtures.route("sms", ana);
        String email = fixtures.workInHand(ana, mail);
        String sms = fixtures.workInHand(ana, texts);
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);

            // The email: its box quotes what the customer wrote; Enter is a new line, Ctrl+Enter sends.
            browser.click(By.cssSelector("#work [data-task='" + email + "']"));
            browser.find(By.cssSelector("#interaction [data-interaction='" + email + "'][data-state='ACTIVE']"));
            By box = By.cssSelector("#interaction [data-interaction='" + email + "'] textarea[data-reply-text]");
            String quoted = browser.await(d -> {
                String value = d.findElement(box).getAttribute("value");
                return value.contains("> Please resend my invoice.") ? value : null;
            });
            assertTrue(quoted.contains("maria@example.com wrote:"), quoted);
            write(browser, box, "Hello Maria,", Keys.ENTER, "here is your invoice again.");
            browser.find(box).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            String emailReply = sent(browser, email);
            browser.await(d -> d.findElement(box).getAttribute("value").isEmpty());   // sent: not quoted again
            By emailLines = By.cssSelector("#interaction [data-interaction='" + email + "'] li[data-from='agent']");
            assertEquals(1, browser.driver().findElements(emailLines).size(), "Enter did not send on its own");
            assertTrue(browser.text(emailLines).contains("here is your invoice again."), browser.text(emailLines));
            assertReply(email, emailReply, ana, "here is your invoice again.");
            browser.screenshot("email-reply");

            // The SMS: one line, Enter sends.
            browser.click(By.cssSelector("#work [data-task='" + sms + "']"));
            browser.find(By.cssSelector("#interaction [data-interaction='" + sms + "'][data-state='ACTIVE']"));
            assertTrue(browser.text(By.cssSelector("#interaction [data-interaction='" + sms + "']"))
                    .contains("Oi, preciso de ajuda"));
            By line = By.cssSelector("#interaction [data-interaction='" + sms + "'] input[data-reply-text]");
            write(browser, line, "Oi Maria, estamos vendo isso.");
            browser.find(line).sendKeys(Keys.ENTER);
            String smsReply = sent(browser, sms);
            browser.await(d -> d.findElement(line).getAttribute("value").isEmpty());
            assertReply(sms, smsReply, ana, "Oi Maria, estamos vendo isso.");
            browser.screenshot("sms-reply");
        }
    }

    /**
     * Replaces the box's text by typing (select all, then the keys), as an agent does; typed again whole if the desk
     * re-draws the box meanwhile.
     */
    static void write(Browser browser, By box, CharSequence... keys) {
        browser.await(d -> {
            WebElement element = d.findElement(box);
            element.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            element.sendKeys(keys);
            return true;
        });
    }

    /**
     * Waits for my reply's status beside its line to say it was sent (or already delivered: the provider may be
     * quicker than the page), and returns the reply's id.
     */
    static String sent(Browser browser, String interaction) {
        String mine = "#interaction [data-interaction='" + interaction + "'] li[data-from='agent'] ";
        By status = By.cssSelector(mine + "[data-reply-status='SENT'], " + mine + "[data-reply-status='DELIVERED']");
        List<String> shown = browser.await(d -> d.findElements(status).stream().findFirst()
                .map(found -> List.of(found.getAttribute("data-reply"), found.getText())).orElse(null), SENDING);
        assertTrue(List.of("sent", "delivered").contains(shown.get(1)), "said in words: " + shown.get(1));
        return shown.get(0);
    }

    /** The status shown is the one of the reply the server took, with the text the agent typed. */
    private void assertReply(String interaction, String replyId, TestAgent agent, String text) {
        JsonObject reply = api.get("/api/interactions/" + interaction + "/replies", agent.token()).array()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("replyId").equals(replyId)).findFirst()
                .orElseThrow(() -> new AssertionError("no reply " + replyId + " of " + interaction));
        assertTrue(reply.getString("text").contains(text), reply.toString());
        assertTrue(List.of("SENT", "DELIVERED").contains(reply.getString("status")), reply.toString());
    }
}
