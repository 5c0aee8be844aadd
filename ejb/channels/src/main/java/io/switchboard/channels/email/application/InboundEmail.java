package io.switchboard.channels.email.application;

import java.util.List;

/**
 * One email as read from a mailbox, already within the configured limits: its id, sender (and the address it asks
 * replies to go to, when another), recipients, subject, the
 * text and the sanitised HTML body, the ids it answers ({@code References} then {@code In-Reply-To}), the files kept
 * and the parts refused (with why). {@code malformed}: its MIME could not be read, and the whole message is kept as a
 * file instead.
 */
public record InboundEmail(String messageId, String from, String replyTo, List<String> to, String subject,
                           String text, boolean textTruncated, String html, boolean htmlTruncated,
                           List<String> answers, List<File> files, List<Refused> refused, boolean malformed) {

    /** The same email with one more part refused (the whole message, when it is too large to read). */
    public InboundEmail refusing(Refused part) {
        List<Refused> all = new java.util.ArrayList<>(refused);
        all.add(part);
        return new InboundEmail(messageId, from, replyTo, to, subject, text, textTruncated, html, htmlTruncated,
                answers, files, List.copyOf(all), malformed);
    }

    /** The same email with its HTML body kept as a file only (its content would not fit in the interaction). */
    public InboundEmail htmlAsFile() {
        if (html == null) {
            return this;
        }
        List<File> all = new java.util.ArrayList<>(files);
        all.add(new File("message.html", "text/html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new InboundEmail(messageId, from, replyTo, to, subject, text, textTruncated, null, true, answers,
                List.copyOf(all), refused, malformed);
    }

    /** A part kept: stored and downloadable by the agent. */
    public record File(String name, String type, byte[] data) {
    }

    /** A part not kept, listed so the agent knows it existed. */
    public record Refused(String name, String type, long size, String reason) {
    }
}
