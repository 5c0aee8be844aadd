package io.switchboard.channels.email.infrastructure;

import io.switchboard.channels.email.application.InboundEmail;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeReaderTest {

    private final MimeReader reader = new MimeReader(1_000, 1_500);

    private static byte[] raw(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(int bytes) {
        return java.util.Base64.getMimeEncoder().encodeToString(new byte[bytes]);
    }

    @Test
    void readsBodiesFilesAndTheIdsItAnswers() throws Exception {
        InboundEmail email = reader.read(raw("""
                From: "Maria Silva" <Maria@Customer.test>
                To: support@demo.example, not an address
                Subject: =?UTF-8?Q?Fatura_de_mar=C3=A7o?=
                Message-ID: <abc@customer.test>
                In-Reply-To: <rewritten@outlook.test>
                References: <first@customer.test> <sb.1@demo.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/alternative; boundary="b2"

                --b2
                Content-Type: text/plain; charset=UTF-8

                Olá, segue a fatura.
                --b2
                Content-Type: text/html; charset=UTF-8

                <p onclick="x()">Olá <script>alert(1)</script><a href="javascript:evil()">x</a></p>
                --b2--
                --b1
                Content-Type: application/pdf; name="fatura.pdf"
                Content-Disposition: attachment; filename="fatura.pdf"
                Content-Transfer-Encoding: base64

                %s
                --b1
                Content-Type: image/png; name="big.png"
                Content-Disposition: attachment; filename="big.png"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(base64(600), base64(1_200))));

        assertEquals("abc@customer.test", email.messageId());
        assertEquals("maria@customer.test", email.from());
        assertEquals(List.of("support@demo.example"), email.to(), "only real addresses");
        assertEquals("Fatura de março", email.subject());
        assertEquals("Olá, segue a fatura.", email.text().strip());
        assertFalse(email.html().contains("script"), email.html());
        assertFalse(email.html().contains("onclick"), email.html());
        assertFalse(email.html().contains("javascript"), email.html());
        assertEquals(List.of("first@customer.test", "sb.1@demo.example", "rewritten@outlook.test"), email.answers());
        assertEquals(1, email.files().size());
        assertEquals("fatura.pdf", email.files().get(0).name());
        assertEquals(600, email.files().get(0).data().length);
        assertEquals("big.png", email.refused().get(0).name());
        assertEquals(1_200, email.refused().get(0).size(), "its real size, though not kept");
        assertFalse(email.malformed());
    }

    @Test
    void filesPastTheMessageLimitAreListedNotKept() throws Exception {
        InboundEmail email = reader.read(raw("""
                From: maria@customer.test
                Message-ID: <two@customer.test>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="a.bin"
                Content-Transfer-Encoding: base64

                %s
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="b.bin"
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(base64(900), base64(900))));
        assertEquals(List.of("a.bin"), email.files().stream().map(InboundEmail.File::name).toList());
        assertEquals("b.bin", email.refused().get(0).name());
        assertTrue(email.refused().get(0).reason().contains("message"), email.refused().get(0).reason());
        assertNull(email.text());
    }

    @Test
    void brokenMimeKeepsTheWholeMessage() throws Exception {
        byte[] raw = raw("""
                From: maria@customer.test
                Subject: Broken
                Content-Type: multipart/mixed; boundary="never-there"

                The words are still here.
                """);
        InboundEmail email = reader.read(raw);
        assertTrue(email.malformed());
        assertTrue(email.text().contains("The words are still here."));
        assertEquals("message/rfc822", email.files().get(0).type());
        assertTrue(email.messageId().endsWith("@no-message-id.invalid"), "no Message-ID: one made from the bytes");
        assertEquals(email.messageId(), reader.read(raw).messageId(), "the same every time it is read");
    }

    @Test
    void controlCharactersNeverReachTheDatabaseAndLongBodiesAreCutWithinTheirBytes() throws Exception {
        String cyrillic = "Привет, ".repeat(10_000); // 2 bytes a letter: 150 KB
        InboundEmail email = new MimeReader(1_000_000, 1_000_000).read(raw("""
                From: bad <<<@@>>>
                Reply-To: Maria <maria@customer.test>
                Subject: =?UTF-8?Q?Nul=00here?=
                Message-ID: <withcontrol@customer.test>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="=?UTF-8?Q?a=00b=0D=0Ac.pdf?="

                pdf
                --b--
                """.formatted(cyrillic)));
        assertEquals("maria@customer.test", email.from(), "a From that cannot be read: Reply-To answers");
        assertNull(email.replyTo(), "the same address: no separate reply address");
        assertEquals("Nul here", email.subject());
        assertFalse(email.messageId().contains("\u0001"), email.messageId());
        assertEquals("a b c.pdf", email.files().get(0).name());
        assertTrue(email.textTruncated());
        assertTrue(email.text().getBytes(StandardCharsets.UTF_8).length <= MimeReader.MAX_BODY_BYTES);
        assertTrue(cyrillic.startsWith(email.text()), "the beginning, no character split");
        assertEquals("message.txt", email.files().get(1).name(), "the whole text kept as a file");
    }

    @Test
    void aWebFormsNoReplySenderKeepsTheAddressToAnswer() throws Exception {
        InboundEmail email = reader.read(raw("""
                From: no-reply@forms.example
                Reply-To: maria@customer.test
                Message-ID: <form@forms.example>

                Contact form: please call me.
                """));
        assertEquals("no-reply@forms.example", email.from());
        assertEquals("maria@customer.test", email.replyTo());
    }

    @Test
    void anEmailWithNobodyToAnswerIsRefused() {
        assertThrows(MimeReader.NoSender.class, () -> reader.read(raw("""
                Subject: who?
                Message-ID: <x@y.test>

                Hello
                """)));
    }
}
