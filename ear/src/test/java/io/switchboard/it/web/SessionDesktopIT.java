package io.switchboard.it.web;

import io.switchboard.it.Api;
import io.switchboard.it.Database;
import io.switchboard.it.Fixtures;
import io.switchboard.it.Fixtures.TestAgent;
import io.switchboard.it.ServerTest;
import io.switchboard.it.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session as an agent lives it in a real headless Chromium. Change password, used with the keyboard from the top
 * bar: a confirmation that differs is said at once and nothing is asked; a wrong current password is refused in
 * words; the right one changes it, every older token stops working and the page goes on with the fresh one (its
 * commands work, and its socket shows changes made elsewhere). A user disabled by an administrator is sent back to
 * the sign-in form within seconds, told why, and signing in again is refused in words.
 */
class SessionDesktopIT extends ServerTest {

    private static final Duration ANSWERING = Duration.ofSeconds(10);   // a password is checked slowly, on purpose
    private static final By DIALOG = By.cssSelector("dialog#password[open]");
    private static final By STATUS = By.id("password-status");
    private static final By ERROR = By.id("error");
    private static final String MISMATCH =
            "The new password and its confirmation differ; write the same new password in both.";
    private static final String WRONG_CURRENT = "The current password is not right; the password was not changed.";
    private static final String CHANGED =
            "Your password was changed. Anywhere else you were signed in, sign in again with the new one.";
    private static final String SESSION_ENDED = "Your session has ended. Sign in again.";
    private static final String DISABLED = "This user is disabled; ask your administrator.";

    @Test
    void anAgentChangesTheirPasswordFromTheDeskAndStaysSignedIn() {
        TestAgent ana = fixtures.agent("chat");
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(ana.login(), Fixtures.PASSWORD);

            // From the top bar with the keyboard: the dialog opens on the current password.
            browser.find(By.id("change-password")).sendKeys(Keys.ENTER);
            browser.find(DIALOG);
            browser.await(d -> "password-current".equals(browser.focused().getAttribute("id")));

            // A confirmation that differs is said at once, on the confirmation; nothing was asked of the server.
            browser.press(Fixtures.PASSWORD);
            browser.press(Keys.TAB);
            browser.press(fresh);
            browser.press(Keys.TAB);
            browser.press(fresh + "-typo", Keys.ENTER);
            says(browser, MISMATCH);
            assertEquals("password-confirm", browser.focused().getAttribute("id"));
            assertEquals(200, api.login(ana.login(), Fixtures.PASSWORD).status(), "the password is unchanged");
            browser.screenshot("change-password");

            // Confirmation corrected, current password wrong: refused in words, the current password to correct.
            rewrite(browser, fresh);
            browser.press(Keys.chord(Keys.SHIFT, Keys.TAB));
            browser.press(Keys.chord(Keys.SHIFT, Keys.TAB));
            rewrite(browser, "not-my-password", Keys.ENTER);
            says(browser, WRONG_CURRENT);
            assertTrue(browser.find(STATUS).getAttribute("class").contains("refused"));
            assertEquals("password-current", browser.focused().getAttribute("id"));

            // The right one: done, said in words; Close gives the keyboard back to the top bar's button.
            rewrite(browser, Fixtures.PASSWORD, Keys.ENTER);
            says(browser, CHANGED);
            browser.await(d -> "password-close".equals(browser.focused().getAttribute("id")));
            browser.press(Keys.ENTER);
            browser.await(d -> d.findElements(DIALOG).isEmpty());
            assertEquals("change-password", browser.focused().getAttribute("id"));

            // Once every older token is refused, the desk still works: on the fresh token the change answered with.
            browser.await(d -> api.get("/api/agents/me", ana.token()).isProblem(401, "session-ended"), ANSWERING);
            browser.view("channels");
            browser.click(channelButton("login"));
            browser.find(By.cssSelector("#channels tr[data-channel='CHAT'] td[data-state='NOT_READY']"));
            browser.click(channelButton("ready"));
            browser.find(By.cssSelector("#overall[data-state='READY']"));

            // The new password signs in, the old one no longer; a change made elsewhere reaches the page's socket.
            String elsewhere = api.token(ana.login(), fresh);
            assertTrue(api.login(ana.login(), Fixtures.PASSWORD).isProblem(401, "invalid-credentials"));
            assertEquals(200, api.put(ana.path() + "/do-not-disturb", elsewhere, "{\"enabled\":true}").status());
            browser.await(d -> d.findElement(By.id("dnd")).isSelected());
            assertFalse(browser.driver().findElement(By.id("signin")).isDisplayed(), "still signed in");
            assertFalse(browser.driver().findElement(ERROR).isDisplayed(), browser.driver().findElement(ERROR)
                    .getText());
        }
    }

    @Test
    void aDisabledAgentIsSentBackToSignInWithAMessage() {
        TestAgent bob = fixtures.agent("chat");
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(bob.login(), Fixtures.PASSWORD);
            browser.find(By.id("desk"));

            Api.Reply disabled = api.post("/api/admin/agents/" + bob.id() + "/disable", fixtures.adminToken(), null);
            assertEquals(200, disabled.status(), disabled.toString());

            // Told on the sign-in form, nothing of the desk left, the keyboard on the login to sign in again.
            browser.await(d -> d.findElement(By.id("signin")).isDisplayed()
                    && SESSION_ENDED.equals(d.findElement(ERROR).getText()), Duration.ofSeconds(5));
            assertFalse(browser.driver().findElement(By.id("tabs")).isDisplayed());
            assertFalse(browser.driver().findElement(By.id("desk")).isDisplayed());
            assertEquals("login", browser.focused().getAttribute("name"));
            browser.screenshot("session-ended");

            browser.submitSignIn(bob.login(), Fixtures.PASSWORD);
            browser.await(d -> DISABLED.equals(d.findElement(ERROR).getText()), ANSWERING);
            assertFalse(browser.driver().findElement(By.id("tabs")).isDisplayed(), "still signed out");
        }
    }

    @Test
    void theDeskRenewsItsShortLivedTokenAndItsSocketComesBackWhenTheOldOneRunsOut() {
        TestAgent carl = fixtures.agent("chat");
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn(carl.login(), Fixtures.PASSWORD);
            browser.find(By.id("desk"));

            // As if 15 minutes had gone by: the page's access token, signed again by the server's key, runs out in 6 s
            // (the server closes a socket opened with it then, 4401), and the page is reloaded with it.
            JsonObject stored;
            try (var reader = Json.createReader(new StringReader((String) browser.script(
                    "return sessionStorage.getItem('switchboard.session')")))) {
                stored = reader.readObject();
            }
            Instant runsOut = Instant.now().plusSeconds(6);
            String shortLived = Tokens.expiringAt(stored.getString("token"), runsOut);
            String changed = Json.createObjectBuilder(stored).add("token", shortLived).add("expiresIn", 6)
                    .remove("expiresAt").build().toString();
            browser.script("sessionStorage.setItem('switchboard.session', arguments[0]); location.reload();", changed);
            browser.find(By.id("desk"));

            // Renewed ahead of time with the refresh token, and the socket back once the server closed the old one.
            browser.await(d -> Database.count("select count(*) from refresh_token where agent_id = cast(? as uuid) "
                    + "and used_at is not null", carl.id()) >= 1, ANSWERING);
            browser.await(d -> Instant.now().isAfter(runsOut.plusSeconds(3)), ANSWERING);
            assertEquals(200, api.put(carl.path() + "/do-not-disturb", carl.token(), "{\"enabled\":true}").status());
            browser.await(d -> d.findElement(By.id("dnd")).isSelected(), ANSWERING);
            browser.view("channels");
            browser.click(channelButton("login"));
            browser.find(By.cssSelector("#channels tr[data-channel='CHAT'] td[data-state='NOT_READY']"));
            assertFalse(browser.driver().findElement(By.id("signin")).isDisplayed(), "never signed out");
        }
    }

    private static By channelButton(String action) {
        return By.cssSelector("#channels tr[data-channel='CHAT'] button[data-do='" + action + "']");
    }

    /** Replaces the focused field's text by typing, as a user does: select all, then the keys. */
    private static void rewrite(Browser browser, CharSequence... keys) {
        browser.press(Keys.chord(Keys.CONTROL, "a"));
        browser.press(keys);
    }

    /** Waits for the dialog's status line to say exactly this. */
    private static void says(Browser browser, String words) {
        browser.await(d -> words.equals(d.findElement(STATUS).getText()), ANSWERING);
    }
}
