/** The sign-in tables: failures per key ({@code sign_in_throttle}) and the audit log ({@code sign_in_audit}). */
package io.switchboard.agentstate.signin.infrastructure;
