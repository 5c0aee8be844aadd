package io.switchboard.interfaces.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Loads the token keys while the application deploys, so a server without usable keys refuses to start, with the
 * reason and the remedy as the deployment error — rather than deploying and answering 401 to everyone. MicroProfile
 * JWT reads its key set only at the first authenticated request, so this check is the first to notice.
 */
@Singleton
@Startup
public class TokenKeysCheck {

    private static final Logger LOG = Logger.getLogger(TokenKeysCheck.class.getName());

    @Inject
    JwtKeys keys;

    @PostConstruct
    void check() {
        try {
            LOG.info("Signing tokens with JWT key " + keys.signingKeyId());
        } catch (RuntimeException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }
}
