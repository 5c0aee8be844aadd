package io.switchboard.it.web;

import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consultation in a real headless Chromium (issue 9, CO1): the agent handling a chat asks a colleague about it
 * from the Action menu; they talk in a private panel on each desk, and nothing of it reaches the chat's transcript —
 * neither on the agent's screen nor in the content the customer's side reads.
 */
class ConsultationDesktopIT extends ServerTest {

    @Test
    void aConsultationWhoseMessagesTheCustomerNeverSees() {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        String question = "Refund without receipt " + UUID.randomUUID().toString().substring(0, 8) + "?";
        String answer = "Sim, até 30 dias.";
        try (Browser anas = new Browser("en"); Browser bias = new Browser("pt-BR")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            bias.open();
            bias.signIn(bia.login(), Fixtures.PASSWORD);
            anas.find(By.cssSelector("#interaction [data-interaction='" + chat + "'][data-state='ACTIVE']"));

            anas.find(By.cssSelector("#interaction [data-menu]")).sendKeys(Keys.ENTER);
            anas.click(By.cssSelector("#action-menu [data-do='consult']"));
            anas.type(By.id("consult-search"), bia.login());
            anas.click(By.cssSelector("#consult-agents [data-consult-agent='" + bia.id() + "'] "
                    + "button[data-do='consult-with']"));
            By anasInput = By.cssSelector("#interaction [data-consultation] input[data-consult-message]");
            anas.find(anasInput).sendKeys(question, Keys.ENTER);
            anas.await(d -> d.findElement(By.cssSelector("#interaction [data-consultation]")).getText()
                    .contains(question));

            // Bia is told, sees the question in her own panel and answers there.
            By biasCard = By.cssSelector("#consultations [data-consultation]");
            bias.await(d -> d.findElement(biasCard).getText().contains(question));
            bias.find(By.cssSelector("#consultations [data-consultation] [data-private]"));
            bias.find(By.cssSelector("#consultations [data-consultation] input[data-consult-message]"))
                    .sendKeys(answer, Keys.ENTER);
            anas.await(d -> d.findElement(By.cssSelector("#interaction [data-consultation]")).getText()
                    .contains(answer));
            anas.screenshot("consultation");
            bias.screenshot("consulta-pt-BR");

            String transcript = anas.text(By.cssSelector("#interaction [data-interaction='" + chat + "'] "
                    + "ol.transcript"));
            assertTrue(transcript.contains("Hello, my order is late"), transcript);
            assertFalse(transcript.contains(question) || transcript.contains(answer),
                    "the chat's transcript on screen holds nothing of the consultation");

            bias.click(By.cssSelector("#consultations [data-consultation] button[data-do='close-consultation']"));
            anas.await(d -> d.findElements(By.cssSelector("#interaction [data-consultation]")).isEmpty());
        }
        String content = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json()
                .getString("content");
        assertFalse(content.contains(question) || content.contains(answer), "nor does what the customer's side reads");
    }
}
