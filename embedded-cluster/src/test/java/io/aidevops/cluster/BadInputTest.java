package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.aidevops.cluster.Workloads.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/** Objects the simulator cannot handle are reported, on the object and in the pass, and never stop the others. */
class BadInputTest extends WithSteppedCluster {

    @Test
    void shouldReportASelectorThatDoesNotMatchTheTemplateAndRollOutTheOthers() {
        Workloads.create(cluster.client(), Workloads.deployment("bad", "shop:v1", 1)
                .editSpec().editSelector().withMatchLabels(Map.of("app", "other")).endSelector().endSpec());
        Workloads.create(cluster.client(), Workloads.deployment("good", "shop:v1", 1));

        ReconcileReport report = cluster.step();

        assertThat(report.problems()).containsExactly("Deployment default/bad: spec.selector {app=other} does not "
                + "match spec.template.metadata.labels {app=bad}");
        cluster.rollOut("good");
        Deployment bad = Workloads.get(cluster.client(), "bad");
        assertThat(bad.getStatus().getObservedGeneration()).isEqualTo(1L);
        assertThat(bad.getStatus().getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("ReplicaFailure");
            assertThat(condition.getStatus()).isEqualTo("True");
            assertThat(condition.getReason()).isEqualTo("InvalidSpec");
            assertThat(condition.getMessage()).contains("does not match spec.template.metadata.labels");
        });
        assertThat(cluster.client().apps().replicaSets().inNamespace(NAMESPACE).list().getItems())
                .extracting(rs -> rs.getMetadata().getName()).noneMatch(name -> name.startsWith("bad-"));
    }

    @Test
    void shouldRollOutOnceTheSpecIsFixed() {
        Workloads.create(cluster.client(), Workloads.rollingUpdate(Workloads.deployment("web", "shop:v1", 2),
                "lots", "25%"));
        assertThat(cluster.step().problems()).singleElement().asString()
                .contains("maxSurge must be an integer or a percentage such as 25%, but is \"lots\"");

        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").edit(deployment ->
                Workloads.rollingUpdate(new DeploymentBuilder(deployment), "50%", "25%").build());
        cluster.rollOut("web");

        Deployment fixed = Workloads.get(cluster.client(), "web");
        assertThat(fixed.getStatus().getConditions()).extracting(DeploymentCondition::getType)
                .containsExactlyInAnyOrder("Available", "Progressing");
        assertThat(cluster.step().problems()).isEmpty();
    }

    @Test
    void shouldSkipAPodItCannotRunAndKeepRunningTheOthers() {
        cluster.client().pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName("odd").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:v1").withNewResources()
                .addToLimits("memory", new Quantity("plenty")).endResources().endContainer().endSpec()
                .build()).create();
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));

        cluster.step();
        ReconcileReport report = cluster.step();

        assertThat(report.problems()).containsExactly(
                "Pod default/odd: container app: resources.limits.memory is not a quantity: \"plenty\"");
        cluster.rollOut("web");
        assertThat(Workloads.pods(cluster.client(), "web")).hasSize(2).allMatch(PodConditions::isReady);
    }
}
