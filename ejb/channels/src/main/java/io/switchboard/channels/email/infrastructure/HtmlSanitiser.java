package io.switchboard.channels.email.infrastructure;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * HTML made safe by OWASP's allow-list sanitiser: text formatting, blocks, tables and links stay; scripts, styles,
 * forms, frames and event handlers go. A customer's HTML loses its remote images too (they would tell the sender
 * when an agent opened it); an agent's keeps the images we host for it (OB10), and only those.
 */
public final class HtmlSanitiser {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(new HtmlPolicyBuilder().allowElements("br", "hr", "span", "div").toFactory());

    private HtmlSanitiser() {
    }

    public static String sanitise(String html) {
        return POLICY.sanitize(html);
    }

    /** What every {@code <img src>} of the HTML says, as the sanitiser reads it (entities decoded, any scheme). */
    public static List<String> imageSources(String html) {
        List<String> sources = new ArrayList<>();
        AttributePolicy collect = (element, attribute, value) -> {
            sources.add(value);
            return value;
        };
        new HtmlPolicyBuilder().allowElements("img").allowAttributes("src").matching(collect).onElements("img")
                .allowUrlProtocols("http", "https", "cid", "data", "mid", "ftp", "file", "javascript")
                .toFactory().sanitize(html);
        return sources;
    }

    /** An agent's HTML: {@link #sanitise} but keeping {@code <img>} whose {@code src} is one of {@code ours}. */
    public static String outgoing(String html, Predicate<String> ours) {
        AttributePolicy hosted = (element, attribute, value) -> ours.test(value) ? value : null;
        return POLICY.and(new HtmlPolicyBuilder().allowElements("img").allowAttributes("src").matching(hosted)
                .onElements("img").allowAttributes("alt", "width", "height").onElements("img")
                .allowUrlProtocols("https", "http").toFactory()).sanitize(html);
    }
}
