/** What the channels context shares: the IM as delivered. */
package io.switchboard.api.channels;
