package io.aidevops.ai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * shared-ai is pure computation that every face of the suite shares: no Jenkins, no CLI, no Kubernetes, no network
 * and no files, no clock of its own and no unseeded randomness, so every decision can be replayed from its inputs.
 */
@AnalyzeClasses(packages = "io.aidevops.ai", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_HOSTS = noClasses().that().resideInAPackage("io.aidevops.ai..")
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "picocli..", "io.fabric8..", "io.aidevops.controller..", "io.aidevops.deploy..",
                    "io.aidevops.cluster..")
            .because("the AI library is shared by Jenkins, the CLI and the controller and knows none of them");

    @ArchTest
    static final ArchRule NO_IO = noClasses().that().resideInAPackage("io.aidevops.ai..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "java.io..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Math.class, "random")
            .because("judgments are pure functions of their inputs: replayable, testable and benchmarkable");
}
