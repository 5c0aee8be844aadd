/** RFC 9457 problem details: the single exception mapper of the whole API and its types. */
package io.switchboard.interfaces.rest.problem;
