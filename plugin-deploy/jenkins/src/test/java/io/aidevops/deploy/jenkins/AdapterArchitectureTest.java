package io.aidevops.deploy.jenkins;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The plugin is a thin adapter: parameter mapping, context lookups, persistence hooks and views. The rollout logic
 * (traffic, analysis, the state machine and its store) stays in the core, and the core knows nothing of Jenkins.
 */
@AnalyzeClasses(packages = "io.aidevops", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule adapterUsesOnlyTheCoresEntryPoints = noClasses()
            .that().resideInAPackage("io.aidevops.deploy.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aidevops.deploy.traffic..",
                    "io.aidevops.ai.stats..")
            .orShould().dependOnClassesThat().haveSimpleName("RolloutStore")
            .orShould().dependOnClassesThat().haveSimpleName("KayentaJudge")
            .orShould().dependOnClassesThat().haveSimpleName("AdaptiveJudge");

    @ArchTest
    static final ArchRule coreKnowsNothingOfJenkins = noClasses()
            .that().resideInAnyPackage("io.aidevops.deploy..", "io.aidevops.ai..")
            .and().resideOutsideOfPackage("io.aidevops.deploy.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "org.kohsuke..", "com.cloudbees..");

    @ArchTest
    static final ArchRule adapterIsSmall = classes()
            .that().resideInAPackage("io.aidevops.deploy.jenkins")
            .and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("AiCanaryDeploy")
            .orShould().haveSimpleName("StepParameters")
            .orShould().haveSimpleName("RolloutConnection")
            .orShould().haveSimpleName("CanaryEvidenceAction");
}
