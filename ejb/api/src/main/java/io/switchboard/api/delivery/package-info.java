/** The delivery port: how anything reaches connected users' sockets. */
package io.switchboard.api.delivery;
