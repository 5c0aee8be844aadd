package io.switchboard.channels.sms.application;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMETERS = Map.of("CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+12349013030"), "Digits", List.of("1234"), "From", List.of("+12349013030"),
            "To", List.of("+18005551212"));

    @Test
    void matchesTwilioPublishedExample() {
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.of("12345", URL, PARAMETERS));
        assertTrue(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345", URL, PARAMETERS));
    }

    @Test
    void anyChangeBreaksIt() {
        assertFalse(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12346", URL, PARAMETERS),
                "another token");
        assertFalse(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345", URL + "&x=1", PARAMETERS),
                "another URL");
        assertFalse(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345", URL,
                Map.of("Digits", List.of("1235"))), "other parameters");
        assertFalse(TwilioSignature.matches(null, "12345", URL, PARAMETERS), "no signature");
        assertFalse(TwilioSignature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "", URL, PARAMETERS),
                "no token configured: nothing is trusted");
    }
}
