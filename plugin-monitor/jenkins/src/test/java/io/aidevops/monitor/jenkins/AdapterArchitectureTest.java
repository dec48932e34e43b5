package io.aidevops.monitor.jenkins;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The plugin is a thin adapter: configuration mapping, context lookups, the alert store and views. Watching, scoring,
 * forecasting and deciding which alert opens or closes stay in the core, and the core knows nothing of Jenkins.
 */
@AnalyzeClasses(packages = "io.aidevops", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule adapterUsesOnlyTheCoresEntryPoints = noClasses()
            .that().resideInAPackage("io.aidevops.monitor.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aidevops.ai.stats..", "io.aidevops.controller..")
            .orShould().dependOnClassesThat().haveSimpleName("OpenAlerts")
            .orShould().dependOnClassesThat().haveSimpleName("Fingerprint")
            .orShould().dependOnClassesThat().haveSimpleName("WorkloadWatcher")
            .orShould().dependOnClassesThat().haveSimpleName("WorkloadInspector")
            .orShould().dependOnClassesThat().haveSimpleName("AnomalyPipeline")
            .orShould().dependOnClassesThat().haveSimpleName("BreachForecasts")
            .orShould().dependOnClassesThat().haveSimpleName("SeriesLimits")
            .orShould().dependOnClassesThat().haveSimpleName("StreamingDetector");

    @ArchTest
    static final ArchRule onlyTheWorkRunsTheMonitor = noClasses()
            .that().resideInAPackage("io.aidevops.monitor.jenkins..")
            .and().doNotHaveSimpleName("MonitorWork")
            .should().callMethod(io.aidevops.monitor.Monitor.class, "collect", java.time.Instant.class)
            .orShould().callMethod(io.aidevops.monitor.Monitor.class, "start");

    @ArchTest
    static final ArchRule coreKnowsNothingOfJenkins = noClasses()
            .that().resideInAnyPackage("io.aidevops.monitor..", "io.aidevops.ai..")
            .and().resideOutsideOfPackage("io.aidevops.monitor.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "org.kohsuke..", "com.cloudbees..");

    @ArchTest
    static final ArchRule adapterIsSmall = classes()
            .that().resideInAPackage("io.aidevops.monitor.jenkins")
            .and().areTopLevelClasses()
            .and().haveSimpleNameNotEndingWith("Test")
            .should().haveSimpleName("MonitorConfiguration")
            .orShould().haveSimpleName("MonitorWork")
            .orShould().haveSimpleName("MonitorConnection")
            .orShould().haveSimpleName("MonitorDashboard");
}
