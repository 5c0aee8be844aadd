package io.switchboard.it.web;

import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conference in a real headless Chromium (issue 9, CO2): invited from a consultation, a colleague joins the chat;
 * both write to the customer, each line under its author's name, the parties listed on both desks; the colleague
 * leaves and the chat stays with its holder.
 */
class ConferenceDesktopIT extends ServerTest {

    @Test
    void aConferenceWhereBothAgentsWriteToTheCustomer() {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        String consultation = api.post("/api/interactions/" + chat + "/consultations", ana.token(),
                "{\"agentId\": \"" + bia.id() + "\"}").json().getString("consultationId");
        try (Browser anas = new Browser("en"); Browser bias = new Browser("pt-BR")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            bias.open();
            bias.signIn(bia.login(), Fixtures.PASSWORD);

            anas.click(By.cssSelector("#interaction [data-consultation='" + consultation + "'] "
                    + "button[data-do='invite-to-join']"));
            bias.click(By.cssSelector("#consultations [data-consultation='" + consultation + "'] "
                    + "button[data-do='join-conversation']"));
            By biasChat = By.cssSelector("#interaction [data-interaction='" + chat + "']");
            bias.find(By.cssSelector("#interaction [data-parties] li[data-party='" + ana.id() + "'][data-role='HOLDER']"));
            anas.find(By.cssSelector("#interaction [data-parties] li[data-party='" + bia.id() + "']"
                    + "[data-role='CONFERENCED']"));

            bias.find(By.cssSelector("#interaction [data-interaction='" + chat + "'] input[data-message]"))
                    .sendKeys("Olá, sou a Bia do financeiro.", Keys.ENTER);
            anas.await(d -> d.findElement(By.cssSelector("#interaction ol.transcript")).getText()
                    .contains("Olá, sou a Bia do financeiro."));
            assertTrue(anas.text(By.cssSelector("#interaction ol.transcript")).contains("Test " + bia.login()),
                    "her line under her name");
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'] input[data-message]"))
                    .sendKeys("Bia will take care of the refund.", Keys.ENTER);
            bias.await(d -> d.findElement(biasChat).getText().contains("Bia will take care of the refund."));
            anas.screenshot("conference");
            bias.screenshot("conferencia-pt-BR");

            bias.click(By.cssSelector("#interaction [data-interaction='" + chat + "'] "
                    + "button[data-do='leave-conference']"));
            bias.await(d -> d.findElements(biasChat).isEmpty());
            anas.await(d -> d.findElements(By.cssSelector("#interaction [data-parties]")).isEmpty());
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'][data-state='ACTIVE'] "
                    + "button[data-do='end']"));
        }
        String content = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json()
                .getString("content");
        assertTrue(content.contains("\"name\":\"Test " + bia.login() + "\""), content);
    }
}
