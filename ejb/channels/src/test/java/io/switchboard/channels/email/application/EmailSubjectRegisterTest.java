package io.switchboard.channels.email.application;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EmailSubjectRegisterTest {

    @Test
    void aSubjectIsTheSameWhateverItsCaseBlanksAndReplyOrForwardPrefixes() {
        String key = EmailSubjectRegister.key("Your order 2231");
        assertEquals(key, EmailSubjectRegister.key("  your   ORDER 2231 "));
        assertEquals(key, EmailSubjectRegister.key("Re: Your order 2231"));
        assertEquals(key, EmailSubjectRegister.key("RE: re:Fwd: Your order 2231"));
        assertEquals(key, EmailSubjectRegister.key("RES: ENC: Your order 2231"), "Portuguese mail clients");
        assertEquals(key, EmailSubjectRegister.key("AW: SV: Re[2]: Your order 2231"));
        assertNotEquals(key, EmailSubjectRegister.key("Your order 2232"));
        assertNotEquals(key, EmailSubjectRegister.key("Regarding: Your order 2231"), "only real prefixes go");
        assertEquals(key, EmailSubjectRegister.key("Re\uFF1A Your\u00A0order\u200B 2231"),
                "a full-width colon, a non-breaking space and an invisible character change nothing");
        assertEquals(key, EmailSubjectRegister.key("ＹＯＵＲ order 2231"), "full-width letters are the plain ones");
        assertEquals("", EmailSubjectRegister.key("Re: Fwd:"), "a prefix alone is no subject");
    }
}
