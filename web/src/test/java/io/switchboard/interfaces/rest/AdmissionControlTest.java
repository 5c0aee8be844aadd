package io.switchboard.interfaces.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admission control counts a request by the path it will reach, however the client spelled it. */
class AdmissionControlTest {

    @Test
    void pathsAreCountedAsRouted() {
        assertEquals("/api/integration/interactions", AdmissionControl.routed("/api/integration/interactions"));
        assertEquals("/api/integration/interactions", AdmissionControl.routed("/api/integration/interactions/"));
        assertEquals("/api/integration/interactions", AdmissionControl.routed("//api//integration/interactions"));
        assertEquals("/api/integration/interactions", AdmissionControl.routed("/api;x=y/integration;v=1/interactions"));
        assertEquals("/api/integration/interactions", AdmissionControl.routed("/api/integration/./interactions"));
        assertEquals("/api/integration/interactions", AdmissionControl.routed("/api/x/../integration/interactions"));
        assertEquals("/", AdmissionControl.routed("/"));
        assertEquals("/app/desktop.js", AdmissionControl.routed("/app/desktop.js"));
    }
}
