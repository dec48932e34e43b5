package io.aidevops.monitor;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The monitor core runs in Jenkins, in the CLI and in the controller alike, and talks to the other cores only
 * through seams the controller wires: it must not depend on any of them, nor on the embedded cluster it is tested
 * with.
 */
@AnalyzeClasses(packages = "io.aidevops.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_DEPENDENCY_ON_HOSTS_OTHER_CORES_OR_TEST_CLUSTER = noClasses()
            .that().resideInAPackage("io.aidevops.monitor..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "picocli..", "io.aidevops.controller..",
                    "io.aidevops.deploy..", "io.aidevops.incident..", "io.aidevops.security..",
                    "io.aidevops.cluster..")
            .because("the monitor core is a library for Jenkins, the CLI and the controller; a core never imports "
                    + "another core, and the embedded cluster is for tests only");

    @ArchTest
    static final ArchRule ONLY_THE_PUBLIC_FACES_OF_SHARED_AI = noClasses()
            .that().resideInAPackage("io.aidevops.monitor..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.aidevops.ai..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.aidevops.ai.anomaly",
                            "io.aidevops.ai.forecast", "io.aidevops.ai.correlation", "io.aidevops.ai.metrics"))))
            .because("the monitor uses shared-ai's detectors, forecasts, correlation and metric text reader, not its "
                    + "canary judges or benchmark corpora");
}
