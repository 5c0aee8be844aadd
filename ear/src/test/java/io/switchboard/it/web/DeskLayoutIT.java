package io.switchboard.it.web;

import io.switchboard.it.Database;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's layout in a real headless Chromium: the task panel holding two offers and two tasks at once, offers
 * accepted and rejected with the keyboard alone, the workspace's Action menu listing the contact's known addresses,
 * and the supervisor's queue KPIs moving when work is answered and abandoned, as the stored history says.
 */
class DeskLayoutIT extends ServerTest {

    private String admin;
    private String queue;
    private String widget;

    @BeforeEach
    void aChatQueue() {
        admin = fixtures.adminToken();
        Fixtures.Route route = fixtures.route("chat", Json.createObjectBuilder()
                .add("name", "Desk chat " + UUID.randomUUID().toString().substring(0, 6)).build().toString());
        queue = route.queueId();
        widget = route.entryPoint();
    }

    /** A member of the queue, Ready on chat, who can hold four chats at once. */
    private TestAgent readyMember() {
        TestAgent agent = fixtures.agent("chat");
        String profile = api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "four chats " + UUID.randomUUID()).add("capacity", Json.createObjectBuilder().add("chat", 4))
                .build().toString()).json().getString("id");
        assertEquals(204, api.put("/api/admin/routing/agents/" + agent.id() + "/profile", admin,
                "{\"profileId\":\"" + profile + "\"}").status());
        fixtures.members(queue, agent);
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        return agent;
    }

    private String chat(String customer) {
        return api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", widget).add("customerAddress", customer)
                .add("content", Json.createObjectBuilder().add("customerName", customer.substring(0, 5))
                        .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("from", "customer").add("text", "Hi from " + customer))))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()).json().getString("interactionId");
    }

    private static By offer(String id) {
        return By.cssSelector("#offers [data-offer='" + id + "']");
    }

    private static By task(String id) {
        return By.cssSelector("#work [data-task='" + id + "']");
    }

    @Test
    void twoOffersAndTwoTasksAtOnceHandledWithTheKeyboardAlone() {
        TestAgent ana = readyMember();
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);
            String first = chat("first-" + UUID.randomUUID() + "@example.com");
            String second = chat("second-" + UUID.randomUUID() + "@example.com");
            browser.find(offer(first));
            browser.find(offer(second));
            browser.await(d -> d.getTitle().startsWith("(2)"));   // the window's title counts the offers

            // An offer takes the keyboard focus on its Accept button: Enter accepts, and the focus moves on.
            browser.await(d -> "accept".equals(browser.focused().getAttribute("data-do")));
            browser.press(Keys.ENTER);
            browser.await(d -> d.findElements(By.cssSelector("#offers [data-offer]")).size() == 1);
            browser.await(d -> "accept".equals(browser.focused().getAttribute("data-do")));
            browser.press(Keys.ENTER);
            browser.find(task(first));
            browser.find(task(second));
            browser.await(d -> d.findElements(By.cssSelector("#offers [data-offer]")).isEmpty());

            String third = chat("third-" + UUID.randomUUID() + "@example.com");
            String fourth = chat("fourth-" + UUID.randomUUID() + "@example.com");
            browser.find(offer(third));
            browser.find(offer(fourth));
            assertEquals(2L, browser.script("return document.querySelectorAll('#work [data-task]').length"));
            browser.screenshot("desk");

            // Tab from Accept reaches Reject; Enter rejects — without the mouse.
            browser.await(d -> "accept".equals(browser.focused().getAttribute("data-do")));
            String offered = browser.focused().findElement(By.xpath("ancestor::*[@data-offer]")).getAttribute("data-offer");
            browser.press(Keys.TAB);
            assertEquals("reject", browser.focused().getAttribute("data-do"));
            browser.press(Keys.ENTER);
            browser.await(d -> d.findElements(offer(offered)).isEmpty());
            browser.await(d -> api.get("/api/integration/interactions/" + offered, fixtures.integrationToken()).json()
                    .getString("state").equals("QUEUED"));   // rejected: back in the queue, not offered to her again

            // The tasks in hand are a list: arrows move the selection, and the workspace follows it.
            browser.click(task(first));
            browser.find(By.cssSelector("#interaction [data-interaction='" + first + "']"));
            browser.press(Keys.ARROW_DOWN);
            browser.find(By.cssSelector("#interaction [data-interaction='" + second + "']"));
            assertTrue(browser.text(By.id("interaction")).contains("Hi from second-"));

            new Select(browser.find(By.id("language"))).selectByValue("pt-BR");
            browser.await(d -> d.findElement(By.id("tab-desk")).getText().equals("Minha mesa"));
            browser.screenshot("mesa-pt-BR");
            new Select(browser.find(By.id("language"))).selectByValue("en");

            // A narrow window: the workspace goes below the task panel, and nothing needs sideways scrolling.
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(560, 900));
            browser.await(d -> (Boolean) browser.script("""
                    const tasks = document.getElementById('tasks').getBoundingClientRect();
                    const space = document.getElementById('workspace').getBoundingClientRect();
                    return space.top >= tasks.bottom
                        && document.documentElement.scrollWidth <= document.documentElement.clientWidth;"""));
            browser.screenshot("desk-narrow");
        }
    }

    @Test
    void theActionMenuListsTheContactsKnownAddressesAndTheirEarlierInteractions() throws Exception {
        TestAgent bia = readyMember();
        String address = "menu-" + UUID.randomUUID() + "@example.com";
        String earlier = chat(address);
        api.post("/api/interactions/" + earlier + "/accept", bia.token(), null);
        api.post("/api/interactions/" + earlier + "/end", bia.token(), null);
        api.post("/api/interactions/" + earlier + "/done", bia.token(), "{}");
        String now = chat(address);
        String customer = api.get("/api/integration/interactions/" + now, fixtures.integrationToken()).json()
                .getString("customerId");
        assertEquals(200, api.post("/api/customers/" + customer + "/addresses", bia.token(),
                "{\"kind\":\"phone\",\"address\":\"+5511912345678\"}").status());
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(bia.login(), Fixtures.PASSWORD);
            browser.click(By.cssSelector("[data-offer='" + now + "'] button[data-do='accept']"));
            browser.find(By.cssSelector("#interaction [data-interaction='" + now + "'][data-state='ACTIVE']"));
            browser.await(d -> d.findElement(By.id("interaction")).getText().contains("Earlier interactions"));
            browser.find(By.cssSelector("#interaction [data-earlier='" + earlier + "']"));

            // Keyboard: the menu button opens the menu on its first item; arrows move; Escape closes.
            browser.find(By.cssSelector("#interaction [data-menu]")).sendKeys(Keys.ENTER);
            browser.find(By.id("action-menu"));
            List<String> items = browser.find(By.id("action-menu")).findElements(By.cssSelector("[role='menuitem'][data-address]"))
                    .stream().map(item -> item.getAttribute("data-address")).toList();
            assertTrue(items.contains("+5511912345678"), items.toString());
            assertTrue(items.contains(address), items.toString());
            assertEquals(addressesOf(customer), items.size(), "every known address, as stored");
            assertTrue(browser.focused().getAttribute("role").equals("menuitem"));
            browser.screenshot("action-menu");
            browser.press(Keys.ARROW_DOWN);
            browser.press(Keys.ESCAPE);
            browser.await(d -> !d.findElement(By.id("action-menu")).isDisplayed());
            assertTrue(browser.focused().getAttribute("data-menu") != null, "the focus is back on the menu button");
        }
    }

    @Test
    void queueKpisMoveWhenWorkIsAnsweredAndAbandonedAsTheStoredHistorySays() throws Exception {
        TestAgent carl = readyMember();
        TestAgent supervisor = fixtures.supervisor();
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(supervisor.login(), Fixtures.PASSWORD);
            browser.view("board");
            By row = By.cssSelector("#kpis tr[data-queue='" + queue + "']");
            browser.await(d -> d.findElement(row).getText().contains("Desk chat"));
            assertTrue(cell(browser, "abandoned").startsWith("0"), cell(browser, "abandoned"));
            assertEquals("—", cell(browser, "service-level").split(" ")[0]);

            // Carl answers one chat: answered within 20 s, service level 100 %.
            String answered = chat("kpi-" + UUID.randomUUID() + "@example.com");
            browser.await(d -> api.get("/api/integration/interactions/" + answered, fixtures.integrationToken())
                    .json().getString("state").equals("OFFERED"));
            api.post("/api/interactions/" + answered + "/accept", carl.token(), null);
            browser.await(d -> cell(browser, "service-level").startsWith("100 %"), Duration.ofSeconds(5));

            // A second chat waits (Carl is not ready) and its customer leaves: abandoned 1 (50 %), service level 50 %.
            api.post(carl.path() + "/channels/not-ready", carl.token(), io.switchboard.it.Api.notReady("BREAK", "chat"));
            String left = chat("kpi-" + UUID.randomUUID() + "@example.com");
            browser.await(d -> cell(browser, "waiting").equals("1"), Duration.ofSeconds(5));
            api.post("/api/integration/interactions/" + left + "/customer-left", fixtures.integrationToken(), null);
            browser.await(d -> cell(browser, "abandoned").startsWith("1"), Duration.ofSeconds(5));
            browser.await(d -> cell(browser, "service-level").startsWith("50 %"), Duration.ofSeconds(5));
            assertTrue(cell(browser, "abandoned").contains("50 %"), cell(browser, "abandoned"));
            assertEquals(List.of(1, 1), storedOutcomes(), "one answered and one abandoned, as stored");
            new Select(browser.find(By.id("chart-queue"))).selectByValue(queue);
            browser.find(By.cssSelector("#chart-depth .uplot"));
            browser.find(By.cssSelector("#chart-agents .uplot"));
            browser.screenshot("supervisor-kpis");

            new Select(browser.find(By.id("language"))).selectByValue("pt-BR");
            browser.await(d -> d.findElement(By.id("kpis-title")).getText().equals("Filas, última hora"));
            browser.screenshot("supervisor-pt-BR");
            new Select(browser.find(By.id("language"))).selectByValue("en");
        }
    }

    @Test
    void twoAgentsExchangeInstantMessages() {
        TestAgent ana = readyMember();
        TestAgent bia = readyMember();
        try (Browser anas = new Browser("en"); Browser bias = new Browser("pt-BR")) {
            anas.open();
            anas.signIn(ana.login(), Fixtures.PASSWORD);
            bias.open();
            bias.signIn(bia.login(), Fixtures.PASSWORD);
            anas.click(By.id("im-open"));
            anas.type(By.id("im-search"), bia.login());
            anas.click(By.cssSelector("#im-colleagues [data-colleague='" + bia.id() + "']"));
            anas.find(By.id("im-text")).sendKeys("Can you take the Silva case?", Keys.ENTER);
            anas.await(d -> d.findElement(By.id("im-talk")).getText().contains("Can you take the Silva case?"));

            bias.await(d -> d.findElement(By.id("im-open")).getText().contains("1"));   // "Mensagens (1 novas)"
            bias.click(By.id("im-open"));
            bias.click(By.cssSelector("#im-colleagues [data-colleague='" + ana.id() + "']"));
            bias.await(d -> d.findElement(By.id("im-talk")).getText().contains("Can you take the Silva case?"));
            bias.find(By.id("im-text")).sendKeys("Sim, pode mandar.", Keys.ENTER);
            anas.await(d -> d.findElement(By.id("im-talk")).getText().contains("Sim, pode mandar."));
            assertEquals("", anas.find(By.id("im-text")).getAttribute("value"), "what was sent left the input");
            assertTrue(bias.text(By.id("im-not-saved")).contains("não são salvas"));
            anas.screenshot("im");
        }
    }

    private String cell(Browser browser, String name) {
        return browser.text(By.cssSelector("#kpis tr[data-queue='" + queue + "'] td[data-" + name + "]")).strip();
    }

    /** Answered and abandoned interactions of the queue, from the stored transitions. */
    private List<Integer> storedOutcomes() throws Exception {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement("""
                select count(*) filter (where t.cause = 'ACCEPTED'), count(*) filter (where t.to_state = 'ABANDONED')
                  from interaction_transition t join interaction i on i.id = t.interaction_id
                 where i.queue_id = cast(? as uuid)""")) {
            query.setString(1, queue);
            try (var rows = query.executeQuery()) {
                rows.next();
                return List.of(rows.getInt(1), rows.getInt(2));
            }
        }
    }

    private static int addressesOf(String customer) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("select count(*) from customer_address "
                     + "where customer_id = cast(? as uuid)")) {
            query.setString(1, customer);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
