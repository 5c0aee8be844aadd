/**
 * Internal IM (CH3): colleagues of one tenant exchange text over their sockets. Nothing here touches the database,
 * the outbox, JMS or the log: a message lives only on its way to the two sockets.
 */
package io.switchboard.channels.im.application;
