/** Signing in with a password (tenant users, the platform operator, a user's own password change): throttled per
 *  account and source address, audited, with the standing every token is checked against (PL5). */
package io.switchboard.agentstate.signin.application;
