package io.switchboard.api.channels;

/**
 * Where an agent's email or SMS reply is: waiting in the send queue (QUEUED, again after a failed try), being handed
 * over (SENDING), taken by the mail server or the provider (SENT), confirmed on the customer's handset (DELIVERED) or
 * not (UNDELIVERED, the provider says why), or given up (FAILED, with the reason).
 */
public enum ReplyStatus {
    QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED
}
