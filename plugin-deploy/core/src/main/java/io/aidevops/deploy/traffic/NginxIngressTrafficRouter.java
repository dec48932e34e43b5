package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits traffic with ingress-nginx's canary annotations: a second Ingress, a copy of the primary one whose paths
 * send to the canary Service instead of the stable one, annotated {@value #CANARY} {@code "true"} and
 * {@value #CANARY_WEIGHT} {@code "<w>"}. ingress-nginx then sends {@code w} percent of the primary's requests to
 * the canary. A rollback sets the weight to 0; {@link #reset} deletes the canary Ingress.
 *
 * <p>Only the paths of the primary Ingress that send to the stable Service are copied; TLS stays with the primary,
 * whose server block ingress-nginx uses for the canary too. Ingress is a built-in type, so the typed fabric8 model
 * (part of kubernetes-client) is used rather than a generic resource.
 */
public final class NginxIngressTrafficRouter implements TrafficRouter {

    /** ingress-nginx's annotation marking an Ingress as the canary of another with the same host and path. */
    public static final String CANARY = "nginx.ingress.kubernetes.io/canary";
    /** ingress-nginx's annotation with the canary's share of requests in percent. */
    public static final String CANARY_WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";
    /** Label on the canary Ingress naming the primary it was copied from. */
    public static final String CANARY_OF = "aidevops.io/canary-of";

    private final NginxIngressConfig config;

    /** @param config which Ingress and Services */
    public NginxIngressTrafficRouter(NginxIngressConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public NginxIngressConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights) {
        Layer7Scaling.apply(client, target, weights, () -> route(client, target, weights.requestedWeight()));
    }

    @Override
    public Optional<String> check(KubernetesClient client, RolloutTarget target) {
        Optional<String> missing = ServiceCheck.stableAndServices(client, target, config.stableService(target),
                config.canaryService(target));
        if (missing.isPresent()) {
            return missing;
        }
        Ingress primary = ingress(client, target, config.ingress()).get();
        if (primary == null) {
            return Optional.of(describe(target) + " not found");
        }
        try {
            canaryCopy(primary, target, 0);
        } catch (TrafficRoutingException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** All traffic to the primary: the canary Ingress is deleted; the Deployments get their sizes back. */
    @Override
    public void reset(KubernetesClient client, RolloutTarget target) {
        Layer7Scaling.reset(client, target, () -> ingress(client, target, config.canaryIngressName()).delete());
    }

    private void route(KubernetesClient client, RolloutTarget target, int weight) {
        Ingress primary = ingress(client, target, config.ingress()).get();
        if (primary == null) {
            throw new TrafficRoutingException(describe(target) + " not found");
        }
        Ingress canary = canaryCopy(primary, target, weight);
        Resource<Ingress> existing = ingress(client, target, config.canaryIngressName());
        Ingress current = existing.get();
        if (current == null) {
            client.network().v1().ingresses().inNamespace(target.namespace()).resource(canary).create();
        } else {
            canary.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            client.network().v1().ingresses().inNamespace(target.namespace()).resource(canary).update();
        }
    }

    private Ingress canaryCopy(Ingress primary, RolloutTarget target, int weight) {
        String stable = config.stableService(target);
        String canaryService = config.canaryService(target);
        IngressSpec spec = new IngressSpec();
        spec.setIngressClassName(primary.getSpec() == null ? null : primary.getSpec().getIngressClassName());
        List<IngressRule> rules = new ArrayList<>();
        List<IngressRule> primaryRules = primary.getSpec() == null || primary.getSpec().getRules() == null
                ? List.of() : primary.getSpec().getRules();
        for (IngressRule rule : primaryRules) {
            if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                continue;
            }
            List<HTTPIngressPath> paths = new ArrayList<>();
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                if (sendsTo(path.getBackend(), stable)) {
                    paths.add(new HTTPIngressPath(toService(path.getBackend(), canaryService), path.getPath(),
                            path.getPathType()));
                }
            }
            if (!paths.isEmpty()) {
                rules.add(new IngressRule(rule.getHost(), new HTTPIngressRuleValue(paths)));
            }
        }
        IngressBackend defaultBackend = primary.getSpec() == null ? null : primary.getSpec().getDefaultBackend();
        if (sendsTo(defaultBackend, stable)) {
            spec.setDefaultBackend(toService(defaultBackend, canaryService));
        }
        if (rules.isEmpty() && spec.getDefaultBackend() == null) {
            throw new TrafficRoutingException(describe(target) + " has no path to Service '" + stable + "'");
        }
        spec.setRules(rules);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (primary.getMetadata().getAnnotations() != null) {
            // ingress-nginx reads most annotations of the canary from the primary; copying the rest (e.g. rewrite
            // rules) keeps behaviour alike. kubectl's bookkeeping must not be copied.
            primary.getMetadata().getAnnotations().forEach((key, value) -> {
                if (!key.startsWith("kubectl.kubernetes.io/")) {
                    annotations.put(key, value);
                }
            });
        }
        annotations.put(CANARY, "true");
        annotations.put(CANARY_WEIGHT, Integer.toString(weight));
        return new IngressBuilder()
                .withNewMetadata()
                .withName(config.canaryIngressName())
                .withNamespace(target.namespace())
                .withLabels(primary.getMetadata().getLabels())
                .addToLabels(CANARY_OF, config.ingress())
                .withAnnotations(annotations)
                .endMetadata()
                .withSpec(spec)
                .build();
    }

    private static boolean sendsTo(IngressBackend backend, String service) {
        return backend != null && backend.getService() != null && service.equals(backend.getService().getName());
    }

    private static IngressBackend toService(IngressBackend backend, String service) {
        IngressBackend copy = new io.fabric8.kubernetes.api.model.networking.v1.IngressBackendBuilder(backend).build();
        copy.getService().setName(service);
        return copy;
    }

    private Resource<Ingress> ingress(KubernetesClient client, RolloutTarget target, String name) {
        return client.network().v1().ingresses().inNamespace(target.namespace()).withName(name);
    }

    private String describe(RolloutTarget target) {
        return "Ingress " + target.qualified(config.ingress());
    }
}
