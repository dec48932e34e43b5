package io.aidevops.cluster;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The embedded cluster is a leaf: the controller, the CLI and the Jenkins adapters use it, never the reverse. */
@AnalyzeClasses(packages = "io.aidevops.cluster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_DEPENDENCY_ON_CONTROLLER_CLI_OR_JENKINS = noClasses()
            .that().resideInAPackage("io.aidevops.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.aidevops.controller..", "picocli..", "hudson..", "jenkins..", "org.jenkinsci..",
                    "org.kohsuke..")
            .because("the embedded cluster must run without the controller, the CLI and Jenkins");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that().resideInAPackage("io.aidevops.cluster..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the cluster logs through SLF4J; it runs inside the CLI, the demo and tests");
}
