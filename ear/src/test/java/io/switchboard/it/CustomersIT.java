package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Customers matched by address: one customer per phone number whatever its format, with all known addresses. */
class CustomersIT extends ServerTest {

    private String number;

    private Api.Reply call(String from) {
        return api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "voice").add("entryPoint", number).add("customerAddress", from)
                .add("content", Json.createObjectBuilder().add("callId", UUID.randomUUID().toString())
                        .add("callerNumber", from).add("dialledNumber", number))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString());
    }

    @Test
    void callsFromOneNumberInAnyFormatBelongToOneCustomerWhoHasEveryKnownAddress() {
        String admin = fixtures.adminToken();
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"cust-" + UUID.randomUUID() + "\"}")
                .json().getString("id");
        number = "+55113" + (1_000_000 + (int) (Math.random() * 8_999_999));
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "voice")
                .add("address", number).add("queueId", queue).build().toString());
        String caller = "+55 21 9" + (1000 + (int) (Math.random() * 8999)) + "-" + (1000 + (int) (Math.random() * 8999));
        String e164 = caller.replaceAll("[ -]", "");

        JsonObject first = call(caller).json();
        JsonObject second = call(e164).json();
        assertEquals(e164, first.getString("customerAddress"), "stored in E.164");
        String customer = first.getString("customerId");
        assertEquals(customer, second.getString("customerId"));

        String token = fixtures.agent("voice").token();
        JsonObject view = api.get("/api/customers/" + customer, token).json();
        assertEquals(e164, view.getJsonArray("phoneNumbers").getString(0));
        assertEquals(2, view.getJsonArray("interactionIds").size());

        String email = "c-" + UUID.randomUUID() + "@Example.com";
        view = api.post("/api/customers/" + customer + "/addresses", token,
                "{\"kind\":\"email\",\"address\":\"" + email + "\"}").json();
        assertEquals(email.toLowerCase(), view.getJsonArray("emailAddresses").getString(0));

        String otherCustomer = call("+5511" + (900_000_000 + (int) (Math.random() * 99_999_999))).json()
                .getString("customerId");
        assertNotEquals(customer, otherCustomer);
        assertTrue(api.post("/api/customers/" + otherCustomer + "/addresses", token,
                "{\"kind\":\"phone\",\"address\":\"" + e164 + "\"}").isProblem(409, "address-of-another-customer"));
        assertTrue(api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "voice").add("entryPoint", number).add("customerAddress", "12")
                .add("content", Contents.of("voice")).add("idempotencyKey", UUID.randomUUID().toString()).build()
                .toString()).isProblem(422, "invalid-phone-number"), "the customer address is checked too");
        assertTrue(call("12").isProblem(422, "content-invalid"), "a caller number that is no phone number");
    }
}
