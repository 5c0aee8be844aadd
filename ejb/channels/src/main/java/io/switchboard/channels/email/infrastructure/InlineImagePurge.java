package io.switchboard.channels.email.infrastructure;

import io.switchboard.channels.email.application.InlineImages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges inline images six months after upload (OB10), a batch per transaction so a large backlog never holds one
 * long transaction; every node runs it (a delete of rows another node just deleted deletes nothing). The clock is
 * the job's own, so the retention rule is tested at its boundary without waiting six months.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InlineImagePurge {

    private static final Logger LOG = Logger.getLogger(InlineImagePurge.class.getName());
    static final int BATCH = 500;

    @Resource
    TimerService timers;

    @EJB
    InlineImages images;

    /** How often the purge runs, in seconds (hourly; tests run it every few seconds). */
    @Inject
    @ConfigProperty(name = "switchboard.email.inline-image-purge-seconds", defaultValue = "3600")
    long everySeconds;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void schedule() {
        long every = Math.max(1, everySeconds) * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig("inline-image-purge", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        purge(clock);
    }

    /** Purges every image older than the retention at {@code clock}'s now; how many it purged. */
    int purge(Clock now) {
        int purged = 0;
        try {
            int batch;
            do {
                batch = images.purge(now.instant(), BATCH);
                purged += batch;
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            // the next run tries again; nothing is half-deleted (each batch is its own transaction)
            LOG.log(Level.WARNING, "Inline image purge stopped after " + purged + " images; retrying next run", e);
        }
        if (purged > 0) {
            LOG.info("Purged " + purged + " inline images older than six months");
        }
        return purged;
    }
}
