package io.switchboard.channels.email.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.channels.domain.OutboundMessage;
import io.switchboard.channels.reply.application.Sender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends an email reply over SMTP through WildFly's mail session {@code java:jboss/mail/Switchboard} (server and port
 * from the build's CLI, overridable by environment), logging in when {@code switchboard.smtp.user} is set. The
 * message carries the Message-ID fixed when it was queued, {@code In-Reply-To} and {@code References}, so the
 * customer's client threads it and shows a re-send once. A 5xx reply about the recipient is final; everything else
 * (server down, a 4xx) is tried again.
 */
@ApplicationScoped
public class SmtpSender implements Sender {

    @Resource(lookup = "java:jboss/mail/Switchboard")
    Session mail;

    @Inject
    @ConfigProperty(name = "switchboard.smtp.user", defaultValue = " ")
    String user;

    @Inject
    @ConfigProperty(name = "switchboard.smtp.password", defaultValue = " ")
    String password;

    private Session bounded;

    /** The server's session with bounded waits: a silent server cannot hold the send queue's thread for long. */
    private Session session() {
        if (bounded == null) {
            Properties properties = new Properties();
            properties.putAll(mail.getProperties());
            properties.putIfAbsent("mail.smtp.connectiontimeout", "5000");
            properties.putIfAbsent("mail.smtp.timeout", "30000");
            properties.putIfAbsent("mail.smtp.writetimeout", "30000");
            bounded = Session.getInstance(properties);
        }
        return bounded;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(OutboundMessage reply) {
        MimeMessage message;
        try {
            message = compose(reply);
        } catch (AddressException e) {
            return new Refused("Not an address mail can go to: " + e.getMessage());
        } catch (MessagingException e) {
            return new Refused("The email cannot be written: " + e.getMessage());
        }
        try (Transport transport = session().getTransport("smtp")) {
            if (user.isBlank()) {
                transport.connect();
            } else {
                transport.connect(user.strip(), password.strip());
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Sent(null);
        } catch (SendFailedException e) {
            return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    ? new Refused("The mail server refuses " + reply.toAddress() + ": " + e.getMessage())
                    : new TryAgain("The mail server did not take it: " + e.getMessage());
        } catch (MessagingException e) {
            return new TryAgain("The mail server cannot be reached: " + e.getMessage());
        }
    }

    private MimeMessage compose(OutboundMessage reply) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session(), "<" + reply.messageId() + ">");
        message.setFrom(new InternetAddress(reply.fromAddress(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(reply.toAddress(), true));
        message.setSubject(reply.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (reply.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + reply.inReplyTo() + ">");
        }
        if (reply.references() != null && !reply.references().isBlank()) {
            message.setHeader("References", reply.references());
        }
        if (reply.html() == null) {
            message.setText(reply.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(reply.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(reply.html(), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        message.saveChanges();
        return message;
    }

    /** Jakarta Mail makes a new Message-ID at every save; a reply keeps the one it was queued with. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
