package io.switchboard.it.web;

import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfers in a real headless Chromium (issue 9): a chat transferred through the dialog to a colleague who accepts
 * it in their own desktop, the sender then wrapping up; and a transfer nobody answers coming back to the sender,
 * unfrozen, with the reason shown.
 */
class TransferDesktopIT extends ServerTest {

    private static final String QUEUE = "{\"name\": \"Transfers %s\", \"wrapUpRequired\": true, "
            + "\"wrapUpCodes\": [\"SOLVED\", \"TRANSFERRED\"]}";

    @Test
    void aChatTransferredToAColleagueWhoAcceptsLeavesTheSenderInWrapUp() {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", String.format(QUEUE, UUID.randomUUID().toString().substring(0, 6)), ana);
        String chat = fixtures.workInHand(ana, route);
        try (Browser anas = new Browser("en"); Browser bias = new Browser("pt-BR")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            bias.open();
            bias.signIn(bia.login(), Fixtures.PASSWORD);
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'][data-state='ACTIVE']"));

            // The Action menu opens the dialog; the search finds Bia, shown available on chat.
            anas.find(By.cssSelector("#interaction [data-menu]")).sendKeys(Keys.ENTER);
            anas.click(By.cssSelector("#action-menu [data-do='transfer']"));
            anas.find(By.cssSelector("dialog#transfer"));
            assertEquals("transfer-search", anas.focused().getAttribute("id"), "the search takes the keyboard");
            anas.click(By.cssSelector("#transfer-tab-queues"));
            anas.await(d -> d.findElement(By.cssSelector("#transfer-queues [data-target-queue='" + route.queueId()
                    + "'] [data-waiting]")).getText().contains("0"));
            anas.click(By.cssSelector("#transfer-tab-agents"));
            anas.type(By.id("transfer-search"), bia.login());
            By biasRow = By.cssSelector("#transfer-agents [data-target-agent='" + bia.id() + "']");
            anas.await(d -> d.findElement(biasRow).getText().contains("Available"));
            anas.click(By.id("transfer-reload"));
            anas.await(d -> d.findElement(biasRow).getText().contains("Available"));
            anas.screenshot("transfer-dialog");
            anas.click(By.cssSelector("#transfer-agents [data-target-agent='" + bia.id() + "'] "
                    + "button[data-do='transfer-to']"));

            // Ana keeps it, frozen, with a countdown and a cancel; Bia gets it as an offer to accept.
            By banner = By.cssSelector("#interaction [data-transfer-pending]");
            anas.await(d -> d.findElement(banner).getText().contains("Transfer pending"));
            anas.find(By.cssSelector("#interaction [data-transfer-pending] button[data-do='cancel-transfer']"));
            assertTrue(anas.find(By.id("interaction")).findElements(By.cssSelector("button[data-do='end']"))
                    .stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed), "no End while it rings");
            By offer = By.cssSelector("[data-offer='" + chat + "'][data-part='TRANSFER_OFFER']");
            bias.find(offer);
            bias.screenshot("transferencia-pt-BR");
            bias.click(By.cssSelector("[data-offer='" + chat + "'] button[data-do='accept']"));
            bias.find(By.cssSelector("#interaction [data-interaction='" + chat + "'][data-state='ACTIVE']"));

            // Ana is told, and finishes her wrap-up with a required code.
            anas.await(d -> d.findElement(By.id("notice")).getText().contains("took the transfer"));
            anas.click(By.cssSelector("[data-interaction='" + chat + "'][data-part='HANDED_OVER'] "
                    + "button[data-do='done']"));
            new Select(anas.find(By.id("wrapup-code"))).selectByValue("TRANSFERRED");
            anas.click(By.id("wrapup-done"));
            anas.await(d -> d.findElements(By.cssSelector("[data-interaction='" + chat + "']")).isEmpty());
        }
        JsonObject moved = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json();
        assertEquals(bia.id(), moved.getString("agentId"));
        assertEquals("ACTIVE", moved.getString("state"));
    }

    @Test
    void aTransferNobodyAnswersComesBackWithTheReason() {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        assertEquals(204, api.put("/api/admin/routing/queues/" + route.queueId() + "/transfers",
                fixtures.adminToken(), "{\"timeoutSeconds\": 5, \"position\": \"AHEAD\"}").status());
        String chat = fixtures.workInHand(ana, route);
        try (Browser anas = new Browser("en")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'][data-state='ACTIVE']"));
            anas.find(By.cssSelector("#interaction [data-menu]")).sendKeys(Keys.ENTER);
            anas.click(By.cssSelector("#action-menu [data-do='transfer']"));
            anas.type(By.id("transfer-search"), bia.login());
            anas.click(By.cssSelector("#transfer-agents [data-target-agent='" + bia.id() + "'] "
                    + "button[data-do='transfer-to']"));
            anas.find(By.cssSelector("#interaction [data-transfer-pending]"));
            anas.screenshot("transfer-pending");
            anas.await(d -> d.findElement(By.id("notice")).getText().contains("not answered in time"),
                    Duration.ofSeconds(12));
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'] button[data-do='end']"));
            assertTrue(anas.find(By.id("interaction")).findElements(By.cssSelector("[data-transfer-pending]"))
                    .isEmpty(), "unfrozen");
        }
        assertEquals(ana.id(), api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json()
                .getString("agentId"));
    }
}
