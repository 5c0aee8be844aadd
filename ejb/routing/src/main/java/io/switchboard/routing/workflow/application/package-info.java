/**
 * OB11: the tenant's workflows — which task events of inbound work (created, routed, ended) are announced to them on
 * JMS, and the named workflows an agent may start by hand on a conversation (a JMS command with its context).
 * Conversations agents started (outbound) never fire the automatic triggers.
 */
package io.switchboard.routing.workflow.application;
