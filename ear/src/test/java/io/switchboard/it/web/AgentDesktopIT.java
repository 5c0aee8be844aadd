package io.switchboard.it.web;

import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent desktop in a real headless Chromium against the running server: the whole life of a chat as an agent
 * sees it, Pending Not Ready, DND and forwarding, the supervisor board, Portuguese labels, recovery after the
 * connection drops. Screenshots of the main screens go to target/screenshots (docs/screenshots via
 * dev/screenshots.sh).
 */
class AgentDesktopIT extends ServerTest {

    private String admin;
    private String integration;
    private String queue;
    private String widget;

    @BeforeEach
    void aChatQueueWithWrapUpCodes() {
        admin = fixtures.adminToken();
        integration = fixtures.integrationToken();
        queue = api.post("/api/admin/routing/queues", admin, Json.createObjectBuilder()
                .add("name", "Web chat " + UUID.randomUUID().toString().substring(0, 6)).add("wrapUpRequired", true)
                .add("wrapUpCodes", Json.createArrayBuilder().add("SOLVED").add("FOLLOW_UP")).build().toString())
                .json().getString("id");
        widget = "site-" + UUID.randomUUID();
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", widget).add("queueId", queue).build().toString());
    }

    private TestAgent member(String... channels) {
        TestAgent agent = fixtures.agent(channels);
        assertEquals(204, api.put("/api/admin/routing/queues/" + queue + "/members", admin,
                "{\"agentIds\":[\"" + agent.id() + "\"]}").status());
        return agent;
    }

    private static By channelRow(String channel) {
        return By.cssSelector("#channels tr[data-channel='" + channel + "']");
    }

    private static By channelState(String channel, String state) {
        return By.cssSelector("#channels tr[data-channel='" + channel + "'] td[data-state='" + state + "']");
    }

    private static By channelButton(String channel, String action) {
        return By.cssSelector("#channels tr[data-channel='" + channel + "'] button[data-do='" + action + "']");
    }

    @Test
    void anAgentTakesAChatFromOfferToDone() {
        TestAgent ana = member("chat");
        String id;
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.screenshot("sign-in");
            browser.signIn(ana.login(), Fixtures.PASSWORD);
            browser.view("channels");
            browser.click(channelButton("CHAT", "login"));
            browser.find(channelState("CHAT", "NOT_READY"));
            browser.click(channelButton("CHAT", "ready"));
            browser.find(channelState("CHAT", "READY"));
            browser.find(By.cssSelector("#overall[data-state='READY']"));
            browser.view("desk");

            String chat = fixtures.interaction("chat", widget).getString("interactionId");
            id = chat;
            By offer = By.cssSelector("[data-offer='" + chat + "']");
            browser.await(d -> d.findElement(offer).getText().contains("Answer within"));
            assertTrue(browser.text(offer).contains("maria@example.com"), browser.text(offer));
            browser.click(By.cssSelector("[data-offer='" + chat + "'] button[data-do='accept']"));

            By card = By.cssSelector("[data-interaction='" + chat + "'][data-state='ACTIVE']");
            assertTrue(browser.text(card).contains("Hello, my order is late"));
            browser.type(By.cssSelector("[data-interaction='" + chat + "'] input[data-message]"), "Hi Maria, checking now");
            browser.find(By.cssSelector("[data-interaction='" + chat + "'] input[data-message]")).sendKeys(Keys.ENTER);
            browser.await(d -> d.findElement(By.cssSelector("[data-interaction='" + chat + "'] li.mine")).getText()
                    .contains("Hi Maria, checking now"));
            api.post("/api/integration/interactions/" + chat + "/messages", integration, "{\"text\":\"Thank you!\"}");
            browser.await(d -> d.findElement(card).getText().contains("Thank you!"));
            browser.screenshot("chat");

            // Not Ready while the chat is in hand: Pending Not Ready until the work ends.
            new Select(browser.find(By.id("reason"))).selectByValue("LUNCH");
            browser.view("channels");
            browser.click(channelButton("CHAT", "not-ready"));
            browser.find(channelState("CHAT", "PENDING_NOT_READY"));
            browser.view("desk");

            browser.click(By.cssSelector("[data-interaction='" + chat + "'] button[data-do='end']"));
            browser.click(By.cssSelector("[data-interaction='" + chat + "'][data-state='WRAP_UP'] button[data-do='done']"));
            browser.find(By.id("wrapup-required"));
            new Select(browser.find(By.id("wrapup-code"))).selectByValue("FOLLOW_UP");
            browser.screenshot("wrap-up");
            browser.click(By.id("wrapup-done"));
            browser.await(d -> d.findElements(By.cssSelector("[data-interaction='" + chat + "']")).isEmpty());
            browser.find(By.cssSelector("#overall[data-state='NOT_READY']"));
            assertTrue(browser.text(By.id("overall")).contains("LUNCH"), browser.text(By.id("overall")));
            browser.view("channels");
            browser.find(channelState("CHAT", "NOT_READY"));
            assertTrue(browser.text(channelRow("CHAT")).contains("LUNCH"));
            browser.screenshot("my-channels");
        }
        JsonObject done = api.get("/api/integration/interactions/" + id, integration).json();
        assertEquals("DONE", done.getString("state"));
        assertEquals("FOLLOW_UP", done.getString("wrapUpCode"));
    }

    @Test
    void doNotDisturbAndForwardingRoundTripAndChangesElsewhereAppearLive() {
        TestAgent bia = member("chat", "voice");
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(bia.login(), Fixtures.PASSWORD);
            browser.click(By.id("dnd"));
            browser.await(d -> api.get(bia.path(), bia.token()).json().getBoolean("doNotDisturb"));
            browser.click(By.id("dnd"));
            browser.await(d -> !api.get(bia.path(), bia.token()).json().getBoolean("doNotDisturb"));

            browser.view("channels");
            browser.type(By.id("forward"), "2001");
            browser.click(By.id("forward-set"));
            browser.await(d -> d.findElement(By.id("forwarding")).getText().contains("2001"));
            assertEquals("2001", api.get(bia.path(), bia.token()).json().getString("forwardingExtension"));
            browser.click(By.id("forward-clear"));
            browser.await(d -> d.findElement(By.id("forwarding")).getText().contains("not forwarded"));
            JsonObject cleared = api.get(bia.path(), bia.token()).json();
            assertTrue(!cleared.containsKey("forwardingExtension") || cleared.isNull("forwardingExtension"));

            // Made elsewhere (another tab, a supervisor): shown without reloading.
            api.put(bia.path() + "/do-not-disturb", bia.token(), "{\"enabled\":true}");
            browser.await(d -> d.findElement(By.id("dnd")).isSelected());
            api.post(bia.path() + "/channels/login", bia.token(), channels("voice"));
            browser.find(channelState("VOICE", "NOT_READY"));

            // The connection drops; meanwhile the state changes; the page reconnects and shows it.
            browser.script("window.switchboardDropConnection()");
            api.post(bia.path() + "/channels/ready", bia.token(), channels("voice"));
            browser.await(d -> !d.findElements(channelState("VOICE", "READY")).isEmpty(), Duration.ofSeconds(10));
            browser.await(d -> !d.findElement(By.id("connection")).isDisplayed());
        }
    }

    @Test
    void theSupervisorBoardShowsAnAgentsChangeWithinASecond() {
        TestAgent carl = member("chat");
        TestAgent supervisor = fixtures.supervisor();
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(supervisor.login(), Fixtures.PASSWORD);
            browser.view("board");
            // among every agent of the tenant (paged), the supervisor finds Carl by name
            browser.type(By.id("filter-name"), carl.login());
            By row = By.cssSelector("#board-agents tr[data-agent='" + carl.id() + "']");
            browser.find(row);
            browser.await(d -> d.findElements(By.cssSelector("#board-agents tr[data-agent]")).size() == 1);

            api.post(carl.path() + "/channels/login", carl.token(), channels("chat"));
            api.post(carl.path() + "/channels/ready", carl.token(), channels("chat"));
            browser.await(d -> !d.findElements(By.cssSelector("#board-agents tr[data-agent='" + carl.id()
                    + "'] [data-channel='CHAT'][data-state='READY']")).isEmpty(), Duration.ofSeconds(1));

            fixtures.interaction("chat", widget);
            browser.await(d -> d.findElement(row).getText().contains("Offered"), Duration.ofSeconds(1));
            assertTrue(browser.text(By.id("kpis")).contains("Web chat"));

            browser.click(By.cssSelector("#board-agents tr[data-agent='" + carl.id() + "'] button[data-do='logoff']"));
            browser.await(d -> api.get(carl.path(), carl.token()).json().getJsonArray("channels")
                    .getValuesAs(JsonObject.class).stream().allMatch(c -> c.getString("state").equals("LOGGED_OUT")));
        }
    }

    @Test
    void portugueseLabelsRenderAndTheLanguageSwitches() {
        TestAgent dora = member("chat", "email");
        try (Browser browser = new Browser("pt-BR")) {
            browser.open();
            assertEquals("Entrar", browser.text(By.id("signin-title")));
            browser.signIn(dora.login(), Fixtures.PASSWORD);
            assertEquals("Meus canais", browser.text(By.id("tab-channels")));
            browser.view("channels");
            assertEquals("Meus canais", browser.text(By.id("channels-title")));
            assertTrue(browser.text(channelRow("EMAIL")).contains("Desconectado"), browser.text(channelRow("EMAIL")));
            assertEquals("Conectar", browser.text(channelButton("CHAT", "login")));
            browser.screenshot("meus-canais-pt-BR");

            new Select(browser.find(By.id("language"))).selectByValue("en");
            browser.await(d -> d.findElement(By.id("channels-title")).getText().equals("My Channels"));
            assertTrue(browser.text(channelRow("EMAIL")).contains("Logged off"));
            assertFalse(browser.text(By.tagName("body")).contains("Meus canais"));
        }
    }

    @Test
    void aCallEndsInAfterCallWorkThatCanBeExtendedAndAnEmailGoesToTheWorkbinAndBack() {
        String calls = api.post("/api/admin/routing/queues", admin, Json.createObjectBuilder()
                .add("name", "Desk calls " + UUID.randomUUID().toString().substring(0, 6)).add("acwSeconds", 60)
                .add("acwNextState", "READY").add("wrapUpCodes", Json.createArrayBuilder().add("SOLVED")).build()
                .toString()).json().getString("id");
        String number = "+5511" + (50_000_000 + (int) (Math.random() * 9_000_000));
        String mailbox = "desk-" + UUID.randomUUID() + "@example.com";
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "voice")
                .add("address", number).add("queueId", calls).build().toString());
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "email")
                .add("address", mailbox).add("queueId", calls).build().toString());
        TestAgent eva = fixtures.agent("voice", "email");
        api.put("/api/admin/routing/queues/" + calls + "/members", admin, "{\"agentIds\":[\"" + eva.id() + "\"]}");

        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(eva.login(), Fixtures.PASSWORD);
            browser.view("channels");
            browser.click(By.id("all-login"));
            browser.find(channelState("EMAIL", "NOT_READY"));
            browser.click(By.id("all-ready"));
            browser.find(channelState("VOICE", "READY"));
            browser.find(channelState("EMAIL", "READY"));

            // A bad value gets the server's explanation, not a code or a stack.
            browser.type(By.id("forward"), "not a number");
            browser.click(By.id("forward-set"));
            String error = browser.text(By.id("error"));
            assertTrue(error.toLowerCase().contains("extension"), error);
            assertFalse(error.contains("Exception") || error.contains("500"), error);

            browser.view("desk");
            String call = fixtures.interaction("voice", number).getString("interactionId");
            browser.click(By.cssSelector("[data-offer='" + call + "'] button[data-do='accept']"));
            By active = By.cssSelector("[data-interaction='" + call + "'][data-state='ACTIVE']");
            assertTrue(browser.text(active).contains("+5511987654321"), browser.text(active));
            browser.click(By.cssSelector("[data-interaction='" + call + "'] button[data-do='end']"));
            By wrapUp = By.cssSelector("[data-interaction='" + call + "'][data-state='WRAP_UP']");
            browser.await(d -> d.findElement(wrapUp).getText().contains("After-Call-Work: 0:00:"));
            browser.find(By.cssSelector("#overall[data-state='MIXED']"));   // voice in ACW, email Ready
            java.time.Instant before = acwDeadline(call);
            browser.click(By.cssSelector("[data-interaction='" + call + "'] button[data-do='extend']"));
            browser.await(d -> acwDeadline(call).isAfter(before.plusSeconds(25)));
            browser.click(By.cssSelector("[data-interaction='" + call + "'] button[data-do='done']"));
            new Select(browser.find(By.id("wrapup-code"))).selectByValue("");   // not required: none is offered
            browser.click(By.id("wrapup-done"));
            browser.find(By.cssSelector("#overall[data-state='READY']"));   // the queue's next state after ACW

            String email = fixtures.interaction("email", mailbox).getString("interactionId");
            browser.click(By.cssSelector("[data-offer='" + email + "'] button[data-do='accept']"));
            By mail = By.cssSelector("[data-interaction='" + email + "'][data-state='ACTIVE']");
            assertTrue(browser.text(mail).contains("Invoice 2231"), browser.text(mail));
            assertTrue(browser.text(mail).contains("order.pdf"), browser.text(mail));
            browser.click(By.cssSelector("[data-interaction='" + email + "'] button[data-do='park'][data-workbin='personal']"));
            browser.find(By.cssSelector("#workbin [data-parked='" + email + "']"));
            browser.await(d -> d.findElements(mail).isEmpty());
            browser.screenshot("workbin");
            browser.click(By.cssSelector("[data-parked='" + email + "'] button[data-do='pick-up']"));
            browser.find(mail);
            browser.await(d -> d.findElements(By.cssSelector("#workbin [data-parked]")).isEmpty());
        }
    }

    private java.time.Instant acwDeadline(String interaction) {
        return java.time.Instant.parse(api.get("/api/integration/interactions/" + interaction, integration).json()
                .getString("afterCallWorkDeadline"));
    }
}
