/**
 * The transactional outbox shared by every context: events bound for JMS are stored with the change that caused them
 * and relayed after commit, so back office sees every committed event at least once and never a rolled-back one.
 */
package io.switchboard.persistence.outbox;
