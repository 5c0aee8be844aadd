package io.switchboard.channels.email.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.email.application.EmailIntake;
import io.switchboard.channels.email.application.InboundEmail;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every email entry point's mailbox over IMAP every five seconds, on whichever node holds its lease. Polling,
 * not IDLE: one short connection per mailbox per round and no thread parked per mailbox, so hundreds of mailboxes
 * cost no threads, and a mailbox moves between nodes by its lease alone. Each new message is read without marking
 * it ({@code mail.imap.peek}), recorded in a transaction of its own, and only then marked \Seen: a crash in between
 * reads it again, which the intake recognises by its Message-ID. A message that keeps failing (or that names no
 * sender) is flagged and marked read after {@link #QUARANTINE_AFTER} tries, so it stays in the mailbox for a person
 * to see and never stops the messages behind it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class.getName());
    static final int QUARANTINE_AFTER = 5;
    private static final int PER_ROUND = 50;

    @EJB
    Conversations conversations;

    @EJB
    MailboxLeases leases;

    @EJB
    EmailIntake intake;

    @Inject
    @ConfigProperty(name = "switchboard.email.imap.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "switchboard.email.imap.port", defaultValue = "3143")
    int port;

    @Inject
    @ConfigProperty(name = "switchboard.email.imap.ssl", defaultValue = "false")
    boolean ssl;

    /**
     * Each mailbox logs in as its own address with this password (the mail server's service password for the contact
     * center's mailboxes, or a master user's). Never one login for all mailboxes: one inbox read for every entry
     * point would hand each tenant the others' mail.
     */
    @Inject
    @ConfigProperty(name = "switchboard.email.imap.password", defaultValue = " ")
    String password;

    @Inject
    @ConfigProperty(name = "switchboard.email.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "switchboard.email.max-message-bytes", defaultValue = "26214400")
    long maxMessageBytes;

    /** The node's name, unique in a cluster and kept across restarts: a restarted node takes its leases back at once. */
    private final String holder = System.getProperty("jboss.node.name", "node");
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Failed tries per message (mailbox and UID), this node's; bounded. */
    private final Map<String, Integer> failures = Collections.synchronizedMap(new HashMap<>());
    /** Mailboxes whose last poll failed, so an unreachable server is logged once, not every five seconds. */
    private final Set<UUID> unreachable = Collections.synchronizedSet(new HashSet<>());

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pollAll() {
        if (!polling.compareAndSet(false, true)) {
            return; // the last round is still running
        }
        try {
            for (Conversations.EntryPointRef mailbox : conversations.entryPoints(Channel.EMAIL)) {
                if (leases.take(mailbox.entryPointId(), holder)) {
                    poll(mailbox);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Listing the mailboxes to poll failed; retried in five seconds", e);
        } finally {
            polling.set(false);
        }
    }

    private void poll(Conversations.EntryPointRef mailbox) {
        Store store = null;
        try {
            store = session().getStore(ssl ? "imaps" : "imap");
            store.connect(host, port, mailbox.address(), password.strip());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            for (int i = 0; i < Math.min(unseen.length, PER_ROUND); i++) {
                take(mailbox, inbox, unseen[i]);
            }
            inbox.close(false);
            if (unreachable.remove(mailbox.entryPointId())) {
                LOG.info("Mailbox " + mailbox.address() + " is read again");
            }
        } catch (MessagingException | RuntimeException e) {
            if (unreachable.add(mailbox.entryPointId())) {
                LOG.log(Level.WARNING, "Cannot read mailbox " + mailbox.address() + " at " + host + ":" + port
                        + "; retried every five seconds (logged again once it works)", e);
            }
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // closing a connection that failed
                }
            }
        }
    }

    /** One message: recorded, then marked read; or counted as failed, and quarantined after too many. */
    private void take(Conversations.EntryPointRef mailbox, Folder inbox, Message message) throws MessagingException {
        String key = mailbox.entryPointId() + "/" + ((UIDFolder) inbox).getUID(message);
        try {
            InboundEmail email = read(message);
            intake.receive(mailbox, email);
            message.setFlag(Flags.Flag.SEEN, true);
            failures.remove(key);
        } catch (MimeReader.NoSender e) {
            quarantine(mailbox, message, e.getMessage());
        } catch (IOException | MessagingException | RuntimeException e) {
            if (!inbox.isOpen()) {
                // the connection went, not this message: the round ends and nothing is counted against it
                throw new MessagingException("The mailbox closed during the round", e);
            }
            // one message that cannot be fetched or recorded is counted on its own; the others still come through
            int failed = failures.merge(key, 1, Integer::sum);
            if (failures.size() > 10_000) {
                failures.clear();
            }
            if (failed >= QUARANTINE_AFTER) {
                quarantine(mailbox, message, e.toString());
                failures.remove(key);
            } else {
                LOG.log(Level.WARNING, "Could not record a message of " + mailbox.address() + " (try " + failed
                        + " of " + QUARANTINE_AFTER + "); tried again next round", e);
            }
        }
    }

    private InboundEmail read(Message message) throws MessagingException, IOException, MimeReader.NoSender {
        MimeReader reader = new MimeReader(maxFileBytes, maxMessageBytes);
        long size = message.getSize();
        // base64 makes files a third larger on the wire; past twice the limit the body is not even downloaded
        long readable = 2 * maxMessageBytes + 1024 * 1024;
        if (size > readable) {
            StringBuilder headers = new StringBuilder();
            for (Enumeration<String> lines = ((MimeMessage) message).getAllHeaderLines(); lines.hasMoreElements(); ) {
                headers.append(lines.nextElement()).append("\r\n");
            }
            byte[] onlyHeaders = headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            return reader.read(onlyHeaders).refusing(new InboundEmail.Refused("message.eml", "message/rfc822", size,
                    "the whole message is larger than the " + readable + " bytes read from a mailbox"));
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(size, 1024) > Integer.MAX_VALUE ? 1024
                : (int) Math.max(size, 1024));
        message.writeTo(raw);
        return reader.read(raw.toByteArray());
    }

    /** Flagged and marked read: left in the mailbox for a person, skipped by every later round. */
    private void quarantine(Conversations.EntryPointRef mailbox, Message message, String reason) {
        LOG.severe("Quarantined a message of mailbox " + mailbox.address() + " (flagged and marked read, left in the "
                + "mailbox): " + reason);
        try {
            message.setFlags(new Flags(Flags.Flag.FLAGGED), true);
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Could not flag the quarantined message", e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        String protocol = ssl ? "imaps" : "imap";
        // read without marking: \Seen is set only once the message is recorded
        properties.put("mail." + protocol + ".peek", "true");
        // one fetch per message, not one round trip per 16 KB: a 10 MB file would otherwise take minutes
        properties.put("mail." + protocol + ".partialfetch", "false");
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        return Session.getInstance(properties);
    }

}
