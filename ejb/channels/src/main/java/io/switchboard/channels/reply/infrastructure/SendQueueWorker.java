package io.switchboard.channels.reply.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.api.channels.ReplyEvent;
import io.switchboard.api.channels.ReplyStatus;
import io.switchboard.channels.domain.OutboundMessage;
import io.switchboard.channels.reply.application.SendQueue;
import io.switchboard.channels.reply.application.Sender;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the queue holds: right after a commit that queued a reply, and every two seconds for retries, lapsed
 * claims and whatever a restart left. One drain at a time per node, on a managed thread, never on the committing
 * one; each reply is claimed in a transaction, sent outside any, and its outcome recorded in another, so a slow
 * mail server or provider holds no database lock and one failing reply never stops the others. Replies are claimed
 * one at a time, so a claim (a minute) never lapses while its reply waits behind slower ones.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SendQueueWorker {

    private static final Logger LOG = Logger.getLogger(SendQueueWorker.class.getName());

    @EJB
    SendQueue queue;

    @Inject
    Instance<Sender> senders;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private Map<Channel, Sender> byChannel;

    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyEvent queued) {
        if (queued.reply().status() == ReplyStatus.QUEUED) {
            requestDrain();
        }
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        requestDrain();
    }

    private void requestDrain() {
        again.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException rejected) {
                // the server is suspending or shutting down: the next sweep asks again
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                // one at a time: a claim lasts a minute, and a batch of slow sends would outlive its later claims
                Optional<OutboundMessage> claimed;
                while ((claimed = queue.claimNext()).isPresent()) {
                    sendOne(claimed.get());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming replies to send failed; retried in two seconds", e);
        } finally {
            draining.set(false);
        }
    }

    private void sendOne(OutboundMessage message) {
        Sender.Outcome outcome;
        try {
            outcome = sender(message.channel()).send(message);
        } catch (RuntimeException e) {
            outcome = new Sender.TryAgain(e.toString());
        }
        try {
            queue.record(message.id(), outcome);
        } catch (RuntimeException e) {
            // the claim lapses and it is tried again: an email keeps its Message-ID, the customer sees it once
            // the outcome's text may quote the provider's answer (a customer's number): only its kind is logged
            LOG.log(Level.WARNING, "Could not record the outcome (" + outcome.getClass().getSimpleName()
                    + ") of reply " + message.id(), e);
        }
    }

    private Sender sender(Channel channel) {
        if (byChannel == null) {
            Map<Channel, Sender> all = new EnumMap<>(Channel.class);
            senders.forEach(sender -> all.put(sender.channel(), sender));
            byChannel = all;
        }
        Sender sender = byChannel.get(channel);
        if (sender == null) {
            throw new IllegalStateException("No sender for " + channel);
        }
        return sender;
    }
}
