/** OB11: the observer that writes workflow trigger notifications to the outbox in the transaction of the change. */
package io.switchboard.routing.workflow.infrastructure;
