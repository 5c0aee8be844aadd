package io.switchboard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/**
 * Black-box tests: the real packaged EAR on the provisioned WildFly with a real PostgreSQL, driven over HTTP,
 * WebSocket and JMS exactly as clients and back-office systems use it.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ServerTest {

    @Deployment(testable = false)
    public static EnterpriseArchive switchboard() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("switchboard.ear", "target/switchboard.ear")));
    }

    protected final Api api = new Api("http://127.0.0.1:8080");
    protected final Fixtures fixtures = new Fixtures(api);
}
