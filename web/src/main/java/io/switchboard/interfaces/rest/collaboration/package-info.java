/** The collaboration context over HTTP: transfers of an interaction, by its holder or a supervisor. */
package io.switchboard.interfaces.rest.collaboration;
