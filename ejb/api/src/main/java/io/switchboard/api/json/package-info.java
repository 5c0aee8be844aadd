/** The JSON representation shared by every channel events leave through (WebSocket, JMS). */
package io.switchboard.api.json;
