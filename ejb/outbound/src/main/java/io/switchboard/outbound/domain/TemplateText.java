package io.switchboard.outbound.domain;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.switchboard.api.error.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The text of a message template (OB7): Mustache placeholders such as {@code {{customer.firstName}}}, filled from the
 * customer and the agent. Only the {@link #PLACEHOLDERS} below may appear, each as a plain placeholder (no sections,
 * partials or inheritance: a template says what is sent, it does not decide), so a mistyped one is refused when the
 * administrator writes it, not when an agent sends. Filling is strict: a placeholder without a value is refused with
 * every such name, before anything is sent. The text is not HTML-escaped (SMS and plain-text email).
 */
public final class TemplateText {

    /** Every placeholder a template may use. */
    public static final List<String> PLACEHOLDERS = List.of("customer.name", "customer.firstName",
            "customer.address", "agent.name", "agent.firstName", "company.name");

    // logic-less Mustache, strict: an unknown or null variable is an error, never an empty string
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(true)
            .withLoader(name -> {
                throw new IllegalStateException("partials are refused before loading");
            });

    private final String text;
    private final Template template;
    private final Set<String> placeholders;

    private TemplateText(String text, Template template, Set<String> placeholders) {
        this.text = text;
        this.template = template;
        this.placeholders = placeholders;
    }

    /** Parses {@code text} (a template's {@code field}: body or subject); refused in words when it is not valid. */
    public static TemplateText parse(String field, String text) {
        if (text.contains("{{=")) {
            // other delimiters would hide placeholders from the check that an unclosed "{{" is refused
            throw invalid("The template's " + field + " changes Mustache's delimiters ({{=…=}}); write placeholders "
                    + "as {{name}}.");
        }
        Template template;
        try {
            template = COMPILER.compile(text);
        } catch (MustacheException e) {
            throw invalid("The template's " + field + " is not valid: " + e.getMessage() + ".");
        }
        Set<String> used = new LinkedHashSet<>();
        Set<String> refused = new TreeSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String literal) {
                // Mustache keeps an unclosed "{{name" as text: it would reach the customer as written
                if (literal.contains("{{")) {
                    refused.add("an unclosed '{{'");
                }
            }

            @Override
            public void visitVariable(String name) {
                (PLACEHOLDERS.contains(name) ? used : refused).add("{{" + name + "}}");
            }

            @Override
            public boolean visitInclude(String name) {
                refused.add("{{>" + name + "}}");
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                refused.add("{{<" + name + "}}");
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                refused.add("{{$" + name + "}}");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                refused.add("{{#" + name + "}}");
                return false;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                refused.add("{{^" + name + "}}");
                return false;
            }
        });
        if (!refused.isEmpty()) {
            throw invalid("The template's " + field + " uses " + String.join(", ", refused) + "; a template may use "
                    + "only these placeholders: {{" + String.join("}}, {{", PLACEHOLDERS) + "}}.");
        }
        Set<String> names = new LinkedHashSet<>();
        used.forEach(placeholder -> names.add(placeholder.substring(2, placeholder.length() - 2)));
        return new TemplateText(text, template, Set.copyOf(names));
    }

    /** The placeholders this text uses, without braces. */
    public Set<String> placeholders() {
        return placeholders;
    }

    public String text() {
        return text;
    }

    /**
     * The text with every placeholder filled from {@code values} (placeholder name → value); refused, naming each,
     * when one used here has no value or a blank one.
     */
    public String fill(Map<String, String> values) {
        requireValues(placeholders, values);
        return template.execute(nested(values));
    }

    /** Refused, naming each, unless every one of {@code placeholders} has a value that is not blank. */
    public static void requireValues(Set<String> placeholders, Map<String, String> values) {
        Set<String> missing = new TreeSet<>();
        for (String name : placeholders) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                missing.add("{{" + name + "}}");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("template-value-missing", "The template needs a value for "
                    + String.join(", ", missing) + ", which this conversation does not have; fill it in or write "
                    + "the message yourself.");
        }
    }

    /** {@code customer.name → x} as {@code customer → {name → x}}, how Mustache reads dotted names. */
    private static Map<String, Object> nested(Map<String, String> values) {
        Map<String, Object> context = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            int dot = name.indexOf('.');
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) context.computeIfAbsent(name.substring(0, dot),
                    key -> new LinkedHashMap<String, Object>());
            group.put(name.substring(dot + 1), value);
        });
        return context;
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("template-invalid", detail);
    }
}
