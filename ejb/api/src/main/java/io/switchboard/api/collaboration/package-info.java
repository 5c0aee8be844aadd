/** The collaboration context's views: transfers (later consultations and conferences). */
package io.switchboard.api.collaboration;
