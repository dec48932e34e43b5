package io.aidevops.deploy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The deploy core runs in Jenkins, in the CLI and in the controller alike, and against any cluster: it must not
 * depend on any of them, nor on the embedded cluster it is tested with.
 */
@AnalyzeClasses(packages = "io.aidevops.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_DEPENDENCY_ON_HOSTS_OR_TEST_CLUSTER = noClasses()
            .that().resideInAPackage("io.aidevops.deploy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "picocli..", "io.aidevops.controller..",
                    "io.aidevops.cluster..")
            .because("the deploy core is a library for Jenkins, the CLI and the controller, tested on the embedded "
                    + "cluster but never bound to it");
}
