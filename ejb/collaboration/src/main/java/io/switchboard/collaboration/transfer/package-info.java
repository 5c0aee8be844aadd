/**
 * Transfers (CO3, CO4, IX7): an agent — or a supervisor on their behalf — hands an interaction to another agent, who
 * must accept it in time, or into a queue. The {@link io.switchboard.collaboration.domain.Transfer} records each;
 * routing's {@link io.switchboard.api.routing.Handovers} holds and moves the interaction itself.
 */
package io.switchboard.collaboration.transfer;
