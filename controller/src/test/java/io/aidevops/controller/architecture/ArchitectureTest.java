package io.aidevops.controller.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The controller's layering: the command line is a thin face over the rest, so everything the CLI does can also be
 * done by the service, a Jenkins adapter or a test without picocli.
 */
@AnalyzeClasses(packages = "io.aidevops.controller", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ONLY_THE_CLI_KNOWS_PICOCLI = noClasses()
            .that().resideOutsideOfPackage("io.aidevops.controller.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.aidevops.controller.cli..")
            .because("configuration, status, service, diagnostics and demo are used by more than the CLI");

    @ArchTest
    static final ArchRule NO_JENKINS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "org.kohsuke..")
            .because("the controller runs without Jenkins; only the */jenkins adapters may use its API");

    @ArchTest
    static final ArchRule CONFIGURATION_IS_PURE = noClasses()
            .that().resideInAPackage("io.aidevops.controller.config..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "io.aidevops.cluster..",
                    "com.sun.net.httpserver..")
            .because("loading the configuration must stay fast and free of cluster and network code");
}
