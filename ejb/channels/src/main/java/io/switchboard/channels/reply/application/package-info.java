/**
 * The send queue of agents' email and SMS replies: queued in the transaction that wrote the reply into the
 * conversation, sent after commit by whichever node claims it, retried with backoff, its status pushed to the agent.
 */
package io.switchboard.channels.reply.application;
