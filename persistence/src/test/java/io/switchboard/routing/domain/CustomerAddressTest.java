package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static io.switchboard.routing.domain.CustomerAddress.Kind.EMAIL;
import static io.switchboard.routing.domain.CustomerAddress.Kind.PHONE;
import static io.switchboard.routing.domain.CustomerAddress.Kind.SOCIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CustomerAddressTest {

    @Test
    void phoneNumbersMatchInE164WhateverTheirFormat() {
        assertEquals("+5511988887777", CustomerAddress.of(PHONE, "+55 (11) 98888-7777").address());
        assertEquals("+5511988887777", CustomerAddress.onChannel(Channel.SMS, "+5511988887777").address());
        assertEquals("invalid-phone-number",
                assertThrows(InvalidRequestException.class, () -> CustomerAddress.of(PHONE, "11 98888-7777")).code(),
                "without a country code the number is ambiguous");
        assertThrows(InvalidRequestException.class, () -> CustomerAddress.of(PHONE, "+12"));
    }

    @Test
    void emailsAndHandlesMatchCaseInsensitively() {
        assertEquals("rita@example.com", CustomerAddress.of(EMAIL, " Rita@Example.COM ").address());
        assertEquals(new CustomerAddress(SOCIAL, "@maria_s"), CustomerAddress.onChannel(Channel.TWITTER, "@Maria_S"));
        assertEquals(EMAIL, CustomerAddress.onChannel(Channel.CHAT, "ana@example.com").kind());
        assertEquals(SOCIAL, CustomerAddress.onChannel(Channel.CHAT, "visitor-42").kind());
        assertThrows(InvalidRequestException.class, () -> CustomerAddress.of(EMAIL, "not-an-email"));
        assertThrows(InvalidRequestException.class, () -> CustomerAddress.onChannel(Channel.EMAIL, " "));
    }
}
