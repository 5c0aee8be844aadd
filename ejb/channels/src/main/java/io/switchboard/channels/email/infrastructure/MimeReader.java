package io.switchboard.channels.email.infrastructure;

import io.switchboard.channels.Texts;
import io.switchboard.channels.email.application.InboundEmail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one raw email (RFC 5322 bytes) with Jakarta Mail into what an interaction keeps: the first text and HTML
 * bodies (the HTML sanitised), files within the limits (per file and per message; larger ones are listed as refused),
 * and the ids it answers. MIME that cannot be read does not lose the message: its text is what could be read, and
 * the whole message is kept as a file ({@code message/rfc822}) for the agent to open.
 */
public final class MimeReader {

    /**
     * Each body's share of an interaction's content (128 KiB of JSON), in UTF-8 bytes: a longer one is kept whole as
     * a file and its beginning shown, so no email is ever too large to become an interaction.
     */
    static final int MAX_BODY_BYTES = 40_000;
    /** Files kept and parts listed as refused, each at most; the rest are counted in one more refused entry. */
    static final int MAX_PARTS = 100;
    private static final int MAX_DEPTH = 20;
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s\\p{Cntrl}]{1,900})>");
    /** Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none means anything here. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Pattern LINE_BREAKS_AND_CONTROL = Pattern.compile("\\p{Cntrl}+");
    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final long maxFileBytes;
    private final long maxMessageBytes;

    public MimeReader(long maxFileBytes, long maxMessageBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Why an email cannot become a conversation: nobody to answer. */
    public static final class NoSender extends Exception {
        NoSender(String detail) {
            super(detail);
        }
    }

    public InboundEmail read(byte[] raw) throws NoSender {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new NoSender("The message's headers cannot be read: " + e.getMessage());
        }
        String from = sender(message);
        String replyTo = replyAddress(message).filter(address -> !address.equals(from)).orElse(null);
        Reading reading = new Reading();
        boolean malformed = false;
        try {
            reading.walk(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            malformed = true;
        }
        if (malformed) {
            reading = new Reading();
            reading.text = bodyAsText(raw);
            reading.keep("message.eml", "message/rfc822", raw);
        }
        String text = reading.text == null ? null : clean(reading.text);
        boolean textTruncated = text != null && utf8(text) > MAX_BODY_BYTES;
        if (textTruncated) {
            reading.keep("message.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
            text = cut(text, MAX_BODY_BYTES);
        }
        String html = reading.html == null ? null : clean(HtmlSanitiser.sanitise(reading.html));
        boolean htmlTruncated = html != null && utf8(html) > MAX_BODY_BYTES;
        if (htmlTruncated) {
            reading.keep("message.html", "text/html", html.getBytes(StandardCharsets.UTF_8));
            html = HtmlSanitiser.sanitise(cut(html, MAX_BODY_BYTES));
            if (utf8(html) > MAX_BODY_BYTES) {
                html = null; // re-balancing the cut tags made it longer: the file has it
            }
        }
        reading.summariseOverflow();
        return new InboundEmail(messageId(message, raw), from, replyTo, recipients(message), subject(message),
                blankToNull(text), textTruncated, blankToNull(html), htmlTruncated, answers(message),
                List.copyOf(reading.files), List.copyOf(reading.refused), malformed);
    }

    /** The walk over the parts, in order, within the limits. */
    private final class Reading {
        String text;
        String html;
        final List<InboundEmail.File> files = new ArrayList<>();
        final List<InboundEmail.Refused> refused = new ArrayList<>();
        long kept;
        int overflow;

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && depth < MAX_DEPTH) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, depth + 1);
                }
                return;
            }
            String name = fileName(part);
            boolean file = name != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!file && text == null && part.isMimeType("text/plain")) {
                text = textOf(part);
            } else if (!file && html == null && part.isMimeType("text/html")) {
                html = textOf(part);
            } else {
                take(name == null ? "attachment-" + (files.size() + refused.size() + 1) : name, typeOf(part), part);
            }
        }

        void take(String name, String type, Part part) throws MessagingException, IOException {
            if (files.size() + refused.size() >= 2 * MAX_PARTS) {
                overflow++;
                return;
            }
            long room = Math.min(maxFileBytes, maxMessageBytes - kept);
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long size = copy(in, out, room);
                if (size > room) {
                    refused.add(new InboundEmail.Refused(name, type, size, size > maxFileBytes
                            ? "larger than the " + maxFileBytes + " bytes a file may have"
                            : "the message's files pass the " + maxMessageBytes + " bytes a message may have"));
                    return;
                }
                keep(name, type, out.toByteArray());
            }
        }

        void keep(String name, String type, byte[] data) {
            if (files.size() >= MAX_PARTS || refused.size() >= MAX_PARTS) {
                overflow++;
                return;
            }
            if (data.length > maxFileBytes || kept + data.length > maxMessageBytes) {
                refused.add(new InboundEmail.Refused(name, type, data.length, "larger than the limits allow"));
                return;
            }
            kept += data.length;
            files.add(new InboundEmail.File(name, type, data));
        }

        /** Parts past the count limit, listed as one. */
        void summariseOverflow() {
            if (overflow > 0) {
                refused.add(new InboundEmail.Refused(overflow + " more parts", "application/octet-stream", 0,
                        "more than " + MAX_PARTS + " files in one message"));
            }
        }
    }

    /** Copies up to {@code room} bytes; past that, only counts (so a refused file's size is known). */
    private static long copy(InputStream in, ByteArrayOutputStream out, long room) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (total + read <= room) {
                out.write(buffer, 0, read);
            }
            total += read;
        }
        return total;
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (IOException | RuntimeException unknownCharset) {
            // read as bytes below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charsetOf(part));
        }
    }

    private static Charset charsetOf(Part part) {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(charset));
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            String decoded = oneLine(MimeUtility.decodeText(name));
            return decoded.isEmpty() ? null : Texts.beginning(decoded, 255);
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String typeOf(Part part) {
        try {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            return type.matches("[\\w.+-]+/[\\w.+-]+") && type.length() <= 255 ? type : "application/octet-stream";
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** The body of a message whose MIME could not be read: what follows the headers, as text. */
    private static String bodyAsText(byte[] raw) {
        String whole = new String(raw, StandardCharsets.UTF_8);
        int end = whole.indexOf("\r\n\r\n");
        int start = end >= 0 ? end + 4 : whole.indexOf("\n\n") >= 0 ? whole.indexOf("\n\n") + 2 : 0;
        return whole.substring(start);
    }

    /** The customer: From, else Sender, else Reply-To — each read on its own and leniently. */
    private static String sender(MimeMessage message) throws NoSender {
        for (String header : new String[] {"From", "Sender", "Reply-To"}) {
            Optional<String> address = firstAddress(message, header);
            if (address.isPresent()) {
                return address.get();
            }
        }
        throw new NoSender("The message names no sender an answer could go to.");
    }

    /** Where the customer asks replies to go (web forms send From a no-reply address). */
    private static Optional<String> replyAddress(MimeMessage message) {
        return firstAddress(message, "Reply-To");
    }

    private static Optional<String> firstAddress(MimeMessage message, String header) {
        try {
            String value = message.getHeader(header, ",");
            if (value == null) {
                return Optional.empty();
            }
            for (Address address : InternetAddress.parseHeader(value, false)) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null
                        && MAILBOX.matcher(internet.getAddress()).matches()
                        && !CONTROL.matcher(internet.getAddress()).find() && internet.getAddress().length() <= 200) {
                    return Optional.of(internet.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (MessagingException | RuntimeException unreadable) {
            // the next header may do
        }
        return Optional.empty();
    }

    private static List<String> recipients(MimeMessage message) {
        List<String> to = new ArrayList<>();
        try {
            // parsed leniently: one malformed address must not hide the others
            String header = message.getHeader("To", ",");
            Address[] all = header == null ? new Address[0] : InternetAddress.parseHeader(header, false);
            for (Address address : all) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null
                        && MAILBOX.matcher(internet.getAddress()).matches() && internet.getAddress().length() <= 320
                        && !CONTROL.matcher(internet.getAddress()).find()
                        && to.size() < 50) {
                    to.add(internet.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (MessagingException e) {
            // the mailbox it was read from stands in
        }
        return to;
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            if (subject == null) {
                return null;
            }
            subject = oneLine(subject);
            return subject.isEmpty() ? null : Texts.beginning(subject, 998);
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * Its Message-ID without the angle brackets; a message without a usable one gets an id made from its bytes, the
     * same every time it is read, so reading it again is still recognised.
     */
    private static String messageId(MimeMessage message, byte[] raw) {
        try {
            String header = message.getHeader("Message-ID", null);
            if (header != null) {
                Matcher id = MESSAGE_ID.matcher(header);
                if (id.find()) {
                    return id.group(1);
                }
            }
        } catch (MessagingException e) {
            // made from the bytes below
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)) + "@no-message-id.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ids this message answers: every id in References, then In-Reply-To's. Outlook rewrites In-Reply-To
     * (chatwoot #10028), so a conversation is found by any of them, never by In-Reply-To alone.
     */
    private static List<String> answers(MimeMessage message) {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"References", "In-Reply-To"}) {
            try {
                String value = message.getHeader(header, " ");
                if (value == null) {
                    continue;
                }
                Matcher id = MESSAGE_ID.matcher(value);
                while (id.find() && ids.size() < 100) {
                    if (!ids.contains(id.group(1))) {
                        ids.add(id.group(1));
                    }
                }
            } catch (MessagingException e) {
                // an unreadable header answers nothing
            }
        }
        return ids;
    }

    /** Text as stored: no control characters but tab and line breaks. */
    private static String clean(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }

    /** A header value on one line, without control characters. */
    private static String oneLine(String text) {
        return LINE_BREAKS_AND_CONTROL.matcher(text).replaceAll(" ").strip();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest beginning of {@code text} within {@code maxBytes} of UTF-8, never splitting a character. */
    static String cut(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
