package io.switchboard.agentstate.signin.infrastructure;

import io.switchboard.agentstate.signin.application.SessionService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every minute, on every node: forgets expired refresh tokens and WebSocket tickets (a few rows; no lock waits). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionPurge {

    private static final Logger LOG = Logger.getLogger(SessionPurge.class.getName());

    @EJB
    SessionService sessions;

    @Schedule(minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            sessions.purgeExpired();
        } catch (RuntimeException e) {
            // the next run tries again; expired rows are refused when presented anyway
            LOG.log(Level.WARNING, "Purging expired sessions failed; retried in a minute", e);
        }
    }
}
