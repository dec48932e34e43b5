package io.aidevops.ai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The advisors are pure computation: records in, records out. No I/O, no clock, no cluster types, so the same
 * input always gives the same advice and a Jenkins step, the controller or a test can call them alike.
 */
@AnalyzeClasses(packages = {"io.aidevops.ai.strategy", "io.aidevops.ai.resources"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AdvisorArchitectureTest {

    @ArchTest
    static final ArchRule NO_IO = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
            .because("advice is computed from its input alone");

    @ArchTest
    static final ArchRule NO_CLOCK = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Clock.class, Instant.class, LocalDateTime.class,
                    OffsetDateTime.class, ZonedDateTime.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("the same input must always give the same advice");

    @ArchTest
    static final ArchRule NO_KUBERNETES = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "io.aidevops.cluster..")
            .because("callers translate cluster objects into the advisors' records");
}
