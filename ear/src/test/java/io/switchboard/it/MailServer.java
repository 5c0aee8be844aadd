package io.switchboard.it;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The mail server as customers use it (GreenMail on 3025/3143, started by dev/services.sh): an email sent over SMTP,
 * a mailbox read over IMAP. Any password opens a mailbox there.
 */
public final class MailServer {

    private final Session session;

    public MailServer() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", "3025");
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", "3143");
        properties.put("mail.imap.peek", "true");
        session = Session.getInstance(properties);
    }

    /** A message that keeps the Message-ID a test sets (Jakarta Mail would make a new one when it is sent). */
    public MimeMessage newMessage() {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (getHeader("Message-ID", null) == null) {
                    super.updateMessageID();
                }
            }
        };
    }

    public void send(MimeMessage message) {
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            throw new AssertionError("the mail server does not take mail on 3025 (dev/services.sh start)", e);
        }
    }

    /** Sends raw RFC 5322 bytes, exactly as they are (malformed MIME included). */
    public void sendRaw(String from, String to, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw)) {
                @Override
                protected void updateHeaders() {
                    // sent as written
                }
            };
            Transport.send(message, new InternetAddress[] {new InternetAddress(to)});
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Every message in the mailbox's INBOX, read without marking them. */
    public List<MimeMessage> inbox(String address) {
        try (Store store = session.getStore("imap")) {
            store.connect(address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> messages = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                messages.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
            }
            inbox.close(false);
            return messages;
        } catch (MessagingException | IOException e) {
            throw new AssertionError("the mail server's IMAP on 3143 does not answer", e);
        }
    }

    /** Marks every message of the mailbox unread again, as if it had never been taken (a re-poll, a lost mark). */
    public int markAllUnread(String address) {
        try (Store store = session.getStore("imap")) {
            store.connect(address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            inbox.setFlags(all, new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
            return all.length;
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether every message of the mailbox is marked read (taken by the server). */
    public boolean allRead(String address) {
        try (Store store = session.getStore("imap")) {
            store.connect(address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            boolean read = inbox.getMessageCount() > 0 && inbox.getUnreadMessageCount() == 0;
            inbox.close(false);
            return read;
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
