/** The platform operator's tenants: create with a first admin, list, suspend, resume (PL4). */
package io.switchboard.agentstate.tenancy.application;
