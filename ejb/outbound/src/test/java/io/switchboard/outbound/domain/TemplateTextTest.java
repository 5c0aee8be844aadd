package io.switchboard.outbound.domain;

import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTextTest {

    private static final Map<String, String> VALUES = Map.of("customer.name", "Maria Souza",
            "customer.firstName", "Maria", "agent.firstName", "Ana", "company.name", "Acme & Filhos");

    @Test
    void fillsEveryPlaceholderAsWrittenWithoutEscaping() {
        TemplateText text = TemplateText.parse("body", "Olá {{customer.firstName}}, {{agent.firstName}} da "
                + "{{company.name}} aqui. {{{customer.name}}}");
        assertEquals(Set.of("customer.firstName", "agent.firstName", "company.name", "customer.name"),
                text.placeholders());
        assertEquals("Olá Maria, Ana da Acme & Filhos aqui. Maria Souza", text.fill(VALUES),
                "SMS and plain email are not HTML: no &amp;");
    }

    @Test
    void aMissingOrBlankValueIsRefusedNamingEachNeverLeftEmpty() {
        TemplateText text = TemplateText.parse("body", "Hi {{customer.name}}, {{agent.name}} {{agent.firstName}}");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> text.fill(Map.of("customer.name", " ", "agent.firstName", "Ana")));
        assertEquals("template-value-missing", refused.code());
        assertTrue(refused.getMessage().contains("{{agent.name}}, {{customer.name}}"), refused.getMessage());
    }

    @Test
    void onlyKnownPlainPlaceholdersMayBeWritten() {
        for (String bad : new String[]{"Hi {{custmer.name}}", "{{#customer.name}}Hi{{/customer.name}}",
                "{{^agent.name}}x{{/agent.name}}", "{{> header}}", "Hi {{customer.name", "{{customer}}",
                "{{=<% %>=}}Hi <%customer.name"}) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> TemplateText.parse("body", bad), bad);
            assertEquals("template-invalid", refused.code(), bad);
        }
        assertEquals(Set.of(), TemplateText.parse("body", "No placeholders at all.").placeholders());
    }
}
