/** Demo data for the run command only; never part of the production migrations. */
package io.switchboard.agentstate.infrastructure.demo;
