package io.switchboard.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The REST API under {@code /api}, authenticated with MicroProfile JWT bearer tokens. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "switchboard")
public class SwitchboardApplication extends Application {
}
