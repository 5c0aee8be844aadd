/** The SMS provider's wire: its request signature and its REST API client. */
package io.switchboard.channels.sms.infrastructure;
