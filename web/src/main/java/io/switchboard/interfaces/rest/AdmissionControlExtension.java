package io.switchboard.interfaces.rest;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts {@link AdmissionControl} in front of the web application's handler chain, where it runs on the I/O thread
 * (found by Undertow through {@code META-INF/services/io.undertow.servlet.ServletExtension}).
 */
public class AdmissionControlExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        Config config = ConfigProvider.getConfig(deployment.getClassLoader());
        // Requests in the server at once: the worker threads (32 on two cores) plus as many queued for one; about
        // the database pool's size, beyond which requests would only wait for a connection holding row locks.
        AdmissionControl.Limits limits = new AdmissionControl.Limits(
                config.getOptionalValue("switchboard.http.max-concurrent-requests", Integer.class).orElse(64),
                config.getOptionalValue("switchboard.http.max-concurrent-intake", Integer.class).orElse(12),
                config.getOptionalValue("switchboard.http.retry-after-seconds", Integer.class).orElse(1));
        deployment.addInitialHandlerChainWrapper(
                next -> new AdmissionControl(next, limits, deployment.getContextPath()));
    }
}
