package io.switchboard.channels.email.infrastructure;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A customer's HTML made safe before any agent's screen sees it (OWASP's allow-list sanitiser): text formatting,
 * blocks, tables and links stay; scripts, styles, forms, frames, event handlers and remote images (which would tell
 * the sender when an agent opened it) go.
 */
public final class HtmlSanitiser {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(new HtmlPolicyBuilder().allowElements("br", "hr", "span", "div").toFactory());

    private HtmlSanitiser() {
    }

    public static String sanitise(String html) {
        return POLICY.sanitize(html);
    }
}
