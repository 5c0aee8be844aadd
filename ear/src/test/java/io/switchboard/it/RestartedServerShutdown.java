package io.switchboard.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link RestartIT} replaces the server process Arquillian started with one of its own; Arquillian only stops the
 * process it started, so when the whole test plan has run this stops the replacement (through the management
 * interface, as an operator would) and the next run finds the ports free.
 */
public class RestartedServerShutdown implements TestExecutionListener {

    static final Path MARKER = Path.of("target", "restarted-server.log");

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!Files.exists(MARKER)) {
            return;
        }
        try {
            Files.move(MARKER, MARKER.resolveSibling("restarted-server.previous.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!listening()) {
            return;
        }
        try (ModelControllerClient client = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                9990)) {
            client.execute(Operations.createOperation("shutdown"));
        } catch (IOException alreadyGoing) {
            // the connection closes as the server stops
        }
        for (int i = 0; i < 300 && listening(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", 9990)) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
