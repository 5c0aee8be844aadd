package io.switchboard.outbound.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipientTest {

    private static String refused(Channel channel, String to) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Recipient.of(channel, to));
        assertEquals("invalid-recipient", e.code());
        return e.getMessage();
    }

    @Test
    void anSmsGoesToAMobileNumberWithItsCountryCodeInE164() {
        assertEquals("+5511987654321", Recipient.of(Channel.SMS, " +55 11 98765-4321 ").address());
        assertTrue(refused(Channel.SMS, "11987654321").contains("country code"), "no country code");
        assertTrue(refused(Channel.SMS, "+551140000001").contains("not a mobile"), "a São Paulo landline");
        refused(Channel.SMS, "+55 11 123");
        refused(Channel.SMS, "call me");
        assertTrue(refused(Channel.SMS, "+5511987654321 ext. 9").contains("extension"));
        refused(Channel.SMS, null);
    }

    @Test
    void anEmailGoesToAnAddressAsTyped() {
        assertEquals("maria@example.com", Recipient.of(Channel.EMAIL, "Maria@Example.com").address());
        refused(Channel.EMAIL, "maria");
        refused(Channel.EMAIL, "maria@example");
        refused(Channel.EMAIL, "ma ria@example.com");
        refused(Channel.EMAIL, "maria@example.com\r\nBcc: x@y.z");
        refused(Channel.EMAIL, "x:evil@attacker.test;");
        refused(Channel.EMAIL, "maria@exa,mple.com");
        refused(Channel.EMAIL, "mar\u200Bia@example.com");
    }

    @Test
    void onlySmsAndEmail() {
        assertEquals("outbound-channel-unsupported", assertThrows(InvalidRequestException.class,
                () -> Recipient.of(Channel.CHAT, "x")).code());
    }
}
