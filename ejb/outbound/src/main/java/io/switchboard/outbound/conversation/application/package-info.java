/**
 * Starting a conversation with a customer (OB1–OB6, OB9): whom to (checked here), from which entry point, with which
 * subject (claimed once per customer), under routing's rules for the agent (checked under their row lock there).
 */
package io.switchboard.outbound.conversation.application;
