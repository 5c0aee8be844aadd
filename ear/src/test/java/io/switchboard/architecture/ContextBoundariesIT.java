package io.switchboard.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bounded contexts' boundaries, checked on the compiled classes of every module. A context is any package
 * {@code io.switchboard.<name>} not in {@link #SHARED}, so a new context is covered from its first class. It needs no
 * server; it runs with the integration tests because only the ear module sees every module (the web module's classes
 * through failsafe's {@code additionalClasspathElements}, since a war dependency is on no classpath).
 */
class ContextBoundariesIT {

    /** The api jar, the persistence unit's own infrastructure, services no context owns, and the web module. */
    private static final Set<String> SHARED = Set.of("api", "persistence", "platform", "interfaces");

    private static final String[] MODULES = {"io.switchboard.api", "io.switchboard.persistence",
            "io.switchboard.platform", "io.switchboard.agentstate", "io.switchboard.routing",
            "io.switchboard.channels", "io.switchboard.collaboration", "io.switchboard.outbound",
            "io.switchboard.interfaces"};

    private static JavaClasses switchboard;

    @BeforeAll
    static void importEveryModule() {
        switchboard = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : MODULES) {
            assertFalse(switchboard.that(resideInAPackage(module + "..")).isEmpty(),
                    "no class of " + module + " imported: the rules below would pass without checking it");
        }
    }

    @Test
    void aContextDependsOnNoOtherContext() {
        DescribedPredicate<Slice> contexts = DescribedPredicate.describe("are bounded contexts",
                slice -> !SHARED.contains(slice.getNamePart(1)));
        slices().matching("io.switchboard.(*)..").namingSlices("context $1").that(contexts)
                .should().notDependOnEachOther()
                .because("contexts talk through the api jar's contracts and events, never through each other's "
                        + "domain, application or infrastructure")
                .check(switchboard);
    }

    @Test
    void aDomainDependsOnNoApplicationOrInfrastructure() {
        noClasses().that().resideInAnyPackage("io.switchboard.*.domain..", "io.switchboard.*.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.switchboard.*.application..",
                        "io.switchboard.*.*.application..",
                        "io.switchboard.*.infrastructure..", "io.switchboard.platform..", "io.switchboard.interfaces..")
                .check(switchboard);
    }

    @Test
    void theWebModuleUsesOnlyApplicationServicesAndTheApi() {
        classes().that().resideInAPackage("io.switchboard.interfaces..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.switchboard..").or(resideInAnyPackage(
                        "io.switchboard.interfaces..", "io.switchboard.api..", "io.switchboard.*.application..",
                        "io.switchboard.*.*.application..")))
                .because("resources and sockets call use cases and speak in the api's views; entities never leave "
                        + "the server")
                .check(switchboard);
    }

    @Test
    void nothingButTheWebModuleDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.switchboard.interfaces..")
                .should().dependOnClassesThat().resideInAPackage("io.switchboard.interfaces..")
                .check(switchboard);
    }

    @Test
    void theApiDependsOnNoModule() {
        noClasses().that().resideInAPackage("io.switchboard.api..")
                .should().dependOnClassesThat(resideInAPackage("io.switchboard..")
                        .and(resideOutsideOfPackage("io.switchboard.api..")))
                .check(switchboard);
    }

    @Test
    void sharedInfrastructureDependsOnNoContext() {
        noClasses().that().resideInAnyPackage("io.switchboard.persistence..", "io.switchboard.platform..")
                .should().dependOnClassesThat(resideInAPackage("io.switchboard..").and(resideOutsideOfPackages(
                        "io.switchboard.api..", "io.switchboard.persistence..", "io.switchboard.platform..")))
                .because("the outbox and the persistence unit serve every context and belong to none")
                .check(switchboard);
    }
}
