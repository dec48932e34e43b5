package io.aidevops.deploy.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.aidevops.ai.canary.AnalysisDecision;
import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.Look;
import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.MetricResult;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.ai.canary.RollbackForecast;
import io.aidevops.deploy.kube.KubeRetry;
import io.aidevops.deploy.kube.Sleeper;
import io.aidevops.deploy.metrics.AnalysisWindow;
import io.aidevops.deploy.metrics.MetricFetch;
import io.aidevops.deploy.metrics.MetricProvider;
import io.aidevops.deploy.plan.Analysis;
import io.aidevops.deploy.plan.Pause;
import io.aidevops.deploy.plan.PlanStep;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.SetWeight;
import io.aidevops.deploy.traffic.ReplicaTrafficRouter;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.aidevops.deploy.traffic.Track;
import io.aidevops.deploy.traffic.TrafficRouter;
import io.aidevops.deploy.traffic.TrafficRouters;
import io.aidevops.deploy.traffic.TrafficWeights;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs canary rollouts as a reconcile loop over state kept in the cluster. Each {@link #reconcile} reads the
 * rollout's state, does the next thing the plan calls for (idempotently: applying a weight twice is harmless) and
 * writes the new state with optimistic concurrency. So any process may stop at any moment, and a fresh engine, in
 * this process or another, resumes from the cluster alone; users' {@code abort} and {@code promote} requests are
 * stored the same way and carried out at the next reconcile.
 */
public final class RolloutEngine {

    private final KubernetesClient client;
    private final MetricProvider metrics;
    private final CanaryAnalysis analysis;
    private final Clock clock;
    private final RolloutListener listener;
    private final RolloutStore store;

    /**
     * @param client the cluster
     * @param metrics where baseline and canary metrics come from
     * @param analysis the decision rule of each look (judge and forecast)
     * @param clock the time; tests step it
     * @param listener hears about progress
     */
    public RolloutEngine(KubernetesClient client, MetricProvider metrics, CanaryAnalysis analysis, Clock clock,
            RolloutListener listener) {
        this.client = client;
        this.metrics = metrics;
        this.analysis = analysis;
        this.clock = clock;
        this.listener = listener;
        this.store = new RolloutStore(client);
    }

    /** The store this engine keeps its rollouts in. */
    public RolloutStore store() {
        return store;
    }

    /**
     * Checks {@code spec} against the cluster and records a new rollout; the next {@link #reconcile} starts it.
     * Nothing in the cluster changes when a check fails.
     *
     * @throws RolloutException if the Deployment, container, plan or router is not usable, or a rollout of the same
     *         Deployment is still running
     */
    public RolloutState start(CanarySpec spec) {
        RolloutPlan plan = spec.plan();
        Deployment stable = client.apps().deployments().inNamespace(spec.namespace()).withName(spec.deployment())
                .get();
        if (stable == null) {
            throw new RolloutException("Deployment " + spec.namespace() + "/" + spec.deployment() + " not found");
        }
        var container = CanaryWorkload.container(stable, spec.container());
        if (container.isEmpty()) {
            throw new RolloutException("Deployment " + spec.namespace() + "/" + spec.deployment()
                    + " has no container named '" + spec.container() + "'");
        }
        TrafficRouter router = router(spec);
        RolloutTarget target = target(spec, stable);
        router.check(client, target).ifPresent(problem -> {
            throw new RolloutException("traffic router " + router.name() + ": " + problem);
        });
        Optional<RolloutStore.Stored> existing = store.load(spec.namespace(), spec.deployment());
        if (existing.isPresent() && !existing.get().state().phase().isFinal()) {
            throw new RolloutException("a rollout of " + spec.namespace() + "/" + spec.deployment() + " is "
                    + existing.get().state().phase() + "; see 'aidevops canary status', or 'abort' it first");
        }
        Instant now = clock.instant();
        int replicas = stable.getSpec().getReplicas() == null ? 1 : stable.getSpec().getReplicas();
        RolloutState state = RolloutState.starting(UUID.randomUUID().toString(), spec, now)
                .withStable(replicas, container.get().getImage(), now);
        for (String warning : warnings(spec, stable, plan, replicas, router)) {
            state = state.withWarning(warning, now);
        }
        existing.ifPresent(old -> store.delete(spec.namespace(), spec.deployment()));
        RolloutState created = store.create(state).state();
        listener.changed(created);
        return created;
    }

    /** The rollout of {@code deployment}, if there is one. */
    public Optional<RolloutState> status(String namespace, String deployment) {
        return store.load(namespace, deployment).map(RolloutStore.Stored::state);
    }

    /** Asks the running rollout to roll back. */
    public RolloutState abort(String namespace, String deployment) {
        return request(namespace, deployment, UserRequest.ABORT);
    }

    /** Asks the running rollout to finish its current pause or analysis ({@code full}: skip all steps). */
    public RolloutState promote(String namespace, String deployment, boolean full) {
        return request(namespace, deployment, full ? UserRequest.PROMOTE_FULL : UserRequest.PROMOTE_STEP);
    }

    /**
     * Starts a rolled-back, aborted or failed rollout again from its first step, with the same spec.
     *
     * @throws RolloutException if there is no such rollout or it has not ended, or it was promoted
     */
    public RolloutState retry(String namespace, String deployment) {
        Instant now = clock.instant();
        return store.update(namespace, deployment, state -> {
            if (!state.phase().isFinal() || state.phase() == RolloutPhase.PROMOTED) {
                throw new RolloutException("the rollout of " + namespace + "/" + deployment + " is "
                        + state.phase() + "; only a rolled-back, aborted or failed rollout can be retried");
            }
            Deployment stable = deployment(namespace, deployment);
            if (stable == null) {
                throw new RolloutException("Deployment " + namespace + "/" + deployment + " not found");
            }
            // The Deployment may have been scaled or changed since the first attempt.
            return state.retried(now).withStable(CanaryWorkload.replicas(stable), CanaryWorkload.container(stable,
                    state.spec().container()).orElseThrow().getImage(), now);
        }).orElseThrow(() -> missing(namespace, deployment)).state();
    }

    /**
     * Reconciles until the rollout ends, sleeping {@code tick} between rounds. Transient Kubernetes errors (5xx,
     * 429, timeouts) are retried with backoff; a concurrent change is re-read.
     *
     * @return the final state
     * @throws RolloutException if there is no such rollout
     * @throws InterruptedException if interrupted while sleeping (the rollout stays where it was; resume later)
     */
    public RolloutState run(String namespace, String deployment, Duration tick, Sleeper sleeper)
            throws InterruptedException {
        var retry = KubeRetry.defaults();
        while (true) {
            RolloutState state;
            try {
                state = retry.call("reconcile " + namespace + "/" + deployment,
                        () -> reconcile(namespace, deployment));
            } catch (RolloutStore.ConcurrentChangeException e) {
                continue;
            }
            if (state.phase().isFinal()) {
                return state;
            }
            sleeper.sleep(tick);
        }
    }

    /**
     * Does the next thing for the rollout of {@code deployment} and stores the result.
     *
     * @return the new state
     * @throws RolloutException if there is no such rollout
     * @throws RolloutStore.ConcurrentChangeException if another process changed the rollout meanwhile (re-run)
     */
    public RolloutState reconcile(String namespace, String deployment) {
        RolloutStore.Stored stored = store.load(namespace, deployment)
                .orElseThrow(() -> missing(namespace, deployment));
        RolloutState before = stored.state();
        if (before.phase().isFinal()) {
            return before;
        }
        RolloutState after = step(before, clock.instant());
        if (after.equals(before)) {
            return before;
        }
        RolloutState written = store.replace(stored, after).state();
        if (!written.message().equals(before.message()) || written.phase() != before.phase()
                || written.looksDone() != before.looksDone()) {
            listener.changed(written);
        }
        return written;
    }

    private RolloutState step(RolloutState state, Instant now) {
        CanarySpec spec = state.spec();
        Deployment stable = deployment(spec.namespace(), spec.deployment());
        if (stable == null) {
            return state.ended(RolloutPhase.FAILED, "Deployment " + spec.namespace() + "/" + spec.deployment()
                    + " was deleted during the rollout", now);
        }
        RolloutTarget target = target(spec, stable);
        TrafficRouter router = router(spec);
        if (state.request() == UserRequest.ABORT && state.phase() != RolloutPhase.ROLLING_BACK) {
            return state.inPhase(RolloutPhase.ROLLING_BACK, "aborted by a user; sending all traffic to "
                    + spec.deployment(), now).atStep(state.stepIndex(), now);
        }
        if (state.request() == UserRequest.PROMOTE_FULL && state.phase() == RolloutPhase.PROGRESSING) {
            return state.withRequest(UserRequest.NONE, now).inPhase(RolloutPhase.PROMOTING,
                    "promoted by a user; skipping the remaining steps", now).atStep(state.stepIndex(), now);
        }
        return switch (state.phase()) {
            case STARTING -> starting(state, stable, now);
            case PROGRESSING -> progressing(state, target, router, now);
            case PROMOTING -> promoting(state, stable, target, router, now);
            case ROLLING_BACK -> rollingBack(state, target, router, now);
            case PROMOTED, ROLLED_BACK, ABORTED, FAILED -> state;
        };
    }

    private RolloutState starting(RolloutState state, Deployment stable, Instant now) {
        CanarySpec spec = state.spec();
        if (!CanaryWorkload.stableLabelled(stable)) {
            client.apps().deployments().inNamespace(spec.namespace()).withName(spec.deployment()).edit(d -> {
                d.getSpec().getTemplate().getMetadata().getLabels().put(Track.LABEL, Track.STABLE.labelValue());
                return d;
            });
            return state.withMessage("labelling the pods of " + spec.deployment() + " track=stable (one rolling "
                    + "restart, same image) so metrics can tell baseline from canary", now);
        }
        if (!CanaryWorkload.rolledOut(stable, CanaryWorkload.replicas(stable))) {
            return deadline(state, now, "waiting for " + spec.deployment() + " to be fully available before the "
                    + "canary starts");
        }
        Deployment canary = deployment(spec.namespace(), spec.canaryDeployment());
        Deployment wanted = CanaryWorkload.canaryOf(stable, spec, state.id());
        if (canary == null) {
            client.apps().deployments().inNamespace(spec.namespace()).resource(wanted).create();
        } else {
            client.apps().deployments().inNamespace(spec.namespace()).withName(spec.canaryDeployment()).edit(d -> {
                d.getMetadata().getAnnotations().put(CanaryWorkload.ROLLOUT_ID, state.id());
                d.getSpec().setTemplate(wanted.getSpec().getTemplate());
                d.getSpec().setReplicas(0);
                return d;
            });
        }
        return state.inPhase(RolloutPhase.PROGRESSING, "created " + spec.canaryDeployment() + " with "
                + spec.image(), now).atStep(0, now);
    }

    private RolloutState progressing(RolloutState state, RolloutTarget target, TrafficRouter router, Instant now) {
        CanarySpec spec = state.spec();
        RolloutPlan plan = spec.plan();
        if (deployment(spec.namespace(), spec.canaryDeployment()) == null) {
            return rollBack(state, "the canary Deployment " + spec.canaryDeployment() + " was deleted", now);
        }
        if (state.stepIndex() >= plan.steps().size()) {
            if (needsFinalLook(state, plan)) {
                // A skipped step left the last look short of final: the final judgment, with its stricter rules
                // for missing data and marginal scores, is never skipped.
                return analyse(state, target, new Analysis(Duration.ofSeconds(1), 1), plan, "final judgment", now);
            }
            return state.inPhase(RolloutPhase.PROMOTING, "all steps done; promoting " + spec.image(), now)
                    .atStep(state.stepIndex(), now);
        }
        var canaryPods = client.pods().inNamespace(spec.namespace())
                .withLabel(RolloutTarget.APP_LABEL, target.app())
                .withLabel(Track.LABEL, Track.CANARY.labelValue()).list().getItems();
        Optional<String> unhealthy = CanaryWorkload.unhealthy(canaryPods);
        if (unhealthy.isPresent()) {
            return rollBack(state, unhealthy.get(), now);
        }
        if (state.dataSince() != null) {
            metrics.observe(target, now);
        }
        PlanStep step = plan.steps().get(state.stepIndex());
        String position = "step " + (state.stepIndex() + 1) + "/" + plan.steps().size();
        if (step instanceof SetWeight weight) {
            return setWeight(state, target, router, weight.weight(), position, now);
        }
        if (step instanceof Pause pause) {
            return pause(state, pause, position, now);
        }
        return analyse(state, target, (Analysis) step, plan, position, now);
    }

    private RolloutState setWeight(RolloutState state, RolloutTarget target, TrafficRouter router, int weight,
            String position, Instant now) {
        CanarySpec spec = state.spec();
        TrafficWeights weights = weights(router, weight, state.stableReplicas(), stableSurge(spec));
        router.apply(client, target, weights);
        Deployment canary = deployment(spec.namespace(), spec.canaryDeployment());
        Deployment stable = deployment(spec.namespace(), spec.deployment());
        boolean reached = CanaryWorkload.available(canary) >= weights.canaryReplicas()
                && CanaryWorkload.available(stable) >= weights.stableReplicas();
        String line = String.format("%s setWeight %d: canary %d pod(s), stable %d pod(s) (%s)", position, weight,
                weights.canaryReplicas(), weights.stableReplicas(), actualShare(router, weights));
        if (!reached) {
            return deadline(state, now, line + "; waiting for pods: canary " + CanaryWorkload.available(canary)
                    + "/" + weights.canaryReplicas() + " available");
        }
        RolloutState next = state.dataSince() == null ? state.withDataSince(now, now) : state;
        return next.withMessage(line + " reached", now).atStep(state.stepIndex() + 1, now);
    }

    private RolloutState pause(RolloutState state, Pause pause, String position, Instant now) {
        if (state.request() == UserRequest.PROMOTE_STEP) {
            return state.withRequest(UserRequest.NONE, now).withMessage(position + " pause ended by a user", now)
                    .atStep(state.stepIndex() + 1, now);
        }
        if (pause.indefinite()) {
            return state.withMessage(position + " paused until 'aidevops canary promote'", now);
        }
        Instant until = state.stepStartedAt().plus(pause.duration());
        if (now.isBefore(until)) {
            return state.withMessage(position + " paused until "
                    + until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), now);
        }
        return state.withMessage(position + " pause of " + pause.duration().toSeconds() + " s done", now)
                .atStep(state.stepIndex() + 1, now);
    }

    private RolloutState analyse(RolloutState state, RolloutTarget target, Analysis step, RolloutPlan plan,
            String position, Instant now) {
        if (state.request() == UserRequest.PROMOTE_STEP) {
            return state.withRequest(UserRequest.NONE, now).withMessage(position + " analysis skipped by a user",
                    now).atStep(state.stepIndex() + 1, now);
        }
        Instant due = state.stepIndex() >= plan.steps().size() ? now
                : state.stepStartedAt().plus(step.interval().multipliedBy(state.lookInStep() + 1L));
        int look = state.looksDone() + 1;
        // Looks taken plus looks still ahead in the plan: a step skipped by a user shortens the plan, so the last
        // look actually taken is the final one.
        int total = Math.max(look, state.looksDone() + remainingLooks(plan, state));
        if (now.isBefore(due)) {
            return state.withMessage(position + " analysis: look " + look + " of " + total + " at "
                    + due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), now);
        }
        Instant since = state.dataSince() == null ? state.stepStartedAt() : state.dataSince();
        AnalysisWindow window = new AnalysisWindow(since, now, scrapeStep(step.interval()));
        var inputs = new ArrayList<MetricInput>();
        var sources = new ArrayList<String>();
        for (AnalysisMetric metric : state.spec().metrics()) {
            MetricFetch fetch = metrics.fetch(target, metric.toQuery(), window);
            if (fetch instanceof MetricFetch.Samples samples) {
                inputs.add(new MetricInput(metric.toSpec(), samples.samples()));
                sources.add(samples.source());
            } else {
                inputs.add(new MetricInput(metric.toSpec(), MetricSamples.of(new double[0], new double[0])));
                sources.add("no data: " + ((MetricFetch.NoData) fetch).reason());
            }
        }
        var request = new JudgeRequest(inputs, state.spec().thresholds(), Map.of(), new Look(look, total));
        AnalysisDecision decision = analysis.decide(request);
        LookRecord record = record(decision, window, sources);
        RolloutState next = state.withLook(record, now);
        if (decision instanceof AnalysisDecision.Rollback rollback) {
            return rollBack(next, rollback.reason(), now);
        }
        boolean stepDone = decision instanceof AnalysisDecision.Promote || next.lookInStep() >= step.looks();
        return stepDone ? next.atStep(state.stepIndex() + 1, now) : next;
    }

    /** Looks the plan still has from the current step on, this one included. */
    private static int remainingLooks(RolloutPlan plan, RolloutState state) {
        int remaining = 0;
        for (int i = state.stepIndex(); i < plan.steps().size(); i++) {
            if (plan.steps().get(i) instanceof Analysis analysis) {
                remaining += i == state.stepIndex() ? analysis.looks() - state.lookInStep() : analysis.looks();
            }
        }
        return Math.max(1, remaining);
    }

    /** Whether the plan judged the canary but its last look was not the final one that promotes. */
    private static boolean needsFinalLook(RolloutState state, RolloutPlan plan) {
        if (plan.analysisLooks() == 0) {
            return false;
        }
        return state.looks().isEmpty() || !"PROMOTE".equals(state.looks().get(state.looks().size() - 1).decision());
    }

    private RolloutState promoting(RolloutState state, Deployment stable, RolloutTarget target, TrafficRouter router,
            Instant now) {
        CanarySpec spec = state.spec();
        var container = CanaryWorkload.container(stable, spec.container()).orElseThrow();
        Integer replicas = stable.getSpec().getReplicas();
        if (!spec.image().equals(container.getImage()) || replicas == null || replicas != state.stableReplicas()) {
            client.apps().deployments().inNamespace(spec.namespace()).withName(spec.deployment()).edit(d -> {
                CanaryWorkload.container(d, spec.container()).orElseThrow().setImage(spec.image());
                d.getSpec().setReplicas(state.stableReplicas());
                return d;
            });
            return state.withMessage("promoting: " + spec.deployment() + " now runs " + spec.image()
                    + " (rolling update)", now);
        }
        if (!CanaryWorkload.rolledOut(stable, CanaryWorkload.replicas(stable))) {
            return deadline(state, now, "promoting: waiting for " + spec.deployment() + " to roll out "
                    + spec.image());
        }
        router.reset(client, target);
        client.apps().deployments().inNamespace(spec.namespace()).withName(spec.canaryDeployment()).delete();
        String outcome = state.outcome().isEmpty() ? "promoted " + spec.image() + " after " + state.looksDone()
                + " look(s)" + lastLookSummary(state) : state.outcome();
        return state.ended(RolloutPhase.PROMOTED, outcome, now);
    }

    private RolloutState rollingBack(RolloutState state, RolloutTarget target, TrafficRouter router, Instant now) {
        CanarySpec spec = state.spec();
        Deployment stable = deployment(spec.namespace(), spec.deployment());
        Deployment canary = deployment(spec.namespace(), spec.canaryDeployment());
        String image = CanaryWorkload.container(stable, spec.container()).orElseThrow().getImage();
        int replicas = stable.getSpec().getReplicas() == null ? 0 : stable.getSpec().getReplicas();
        boolean restoreImage = state.previousImage() != null && !state.previousImage().equals(image);
        if (restoreImage || replicas < state.stableReplicas()) {
            // A promotion may have begun (new image on stable) or a weight scaled stable down: give the stable side
            // its version and its size back before any traffic leaves the canary.
            client.apps().deployments().inNamespace(spec.namespace()).withName(spec.deployment()).edit(d -> {
                if (state.previousImage() != null) {
                    CanaryWorkload.container(d, spec.container()).orElseThrow().setImage(state.previousImage());
                }
                d.getSpec().setReplicas(Math.max(state.stableReplicas(), replicas));
                return d;
            });
            return state.withMessage("rolling back: " + spec.deployment() + " back to " + state.previousImage()
                    + " at " + Math.max(state.stableReplicas(), replicas) + " replicas", now);
        }
        boolean canaryServing = CanaryWorkload.available(canary) > 0;
        boolean waited = Duration.between(state.stepStartedAt(), now).compareTo(spec.progressDeadline()) > 0;
        if (canaryServing && !CanaryWorkload.rolledOut(stable, replicas) && !waited) {
            return state.withMessage("rolling back: waiting for " + spec.deployment() + " to be available ("
                    + CanaryWorkload.available(stable) + "/" + replicas + ") before the canary stops serving", now);
        }
        if (canary != null) {
            router.apply(client, target, TrafficWeights.allStable(state.stableReplicas()));
        }
        router.reset(client, target);
        boolean aborted = state.request() == UserRequest.ABORT;
        String outcome = aborted ? "aborted by a user" : state.outcome().isEmpty() ? state.message()
                : state.outcome();
        return state.ended(aborted ? RolloutPhase.ABORTED : RolloutPhase.ROLLED_BACK, outcome
                + "; all traffic is on " + spec.deployment() + " (" + state.previousImage() + ")", now);
    }

    /** Starts rolling back with {@code reason}; the rollback's own waiting is timed from now. */
    private static RolloutState rollBack(RolloutState state, String reason, Instant now) {
        return state.inPhase(RolloutPhase.ROLLING_BACK, "rolling back: " + reason, now).withOutcome(reason, now)
                .atStep(state.stepIndex(), now);
    }

    /** The state with {@code line}, or rolled back if the current step has waited past the progress deadline. */
    private RolloutState deadline(RolloutState state, Instant now, String line) {
        Duration waited = Duration.between(state.stepStartedAt(), now);
        if (waited.compareTo(state.spec().progressDeadline()) > 0) {
            String reason = "progress deadline of " + state.spec().progressDeadline().toSeconds() + " s exceeded: "
                    + line;
            return rollBack(state, reason, now);
        }
        return state.withMessage(line, now);
    }

    private static LookRecord record(AnalysisDecision decision, AnalysisWindow window, List<String> sources) {
        CanaryVerdict verdict = decision.verdict();
        RollbackForecast forecast = RollbackForecast.NONE;
        String kind = "PROMOTE";
        if (decision instanceof AnalysisDecision.Continue c) {
            forecast = c.forecast();
            kind = "CONTINUE";
        } else if (decision instanceof AnalysisDecision.Rollback r) {
            forecast = r.forecast();
            kind = r.early() ? "ROLLBACK (forecast)" : "ROLLBACK";
        }
        var lines = new ArrayList<LookRecord.MetricLine>();
        for (int i = 0; i < verdict.metrics().size(); i++) {
            lines.add(line(verdict.metrics().get(i), sources.get(i)));
        }
        return new LookRecord(verdict.look().index(), verdict.look().total(), window.end(), window.start(),
                verdict.judge(), verdict.verdict().name(), verdict.score(), kind, decision.reason(),
                forecast == RollbackForecast.NONE ? "" : forecast.describe(), forecast.failureProbability(), lines,
                verdict.warnings());
    }

    private static LookRecord.MetricLine line(MetricResult result, String source) {
        var tests = result.tests().stream().map(t -> new LookRecord.TestLine(t.test(), t.question(), t.statistic(),
                t.pValue(), t.alpha(), t.effectMeasure(), t.estimate(), t.tolerance(), t.flags())).toList();
        return new LookRecord.MetricLine(result.name(), result.spec().kind().name(),
                result.classification().name(), result.reason(), source, result.baseline().count(),
                result.baseline().mean(), result.baseline().p95(), result.canary().count(), result.canary().mean(),
                result.canary().p95(), tests);
    }

    private static String lastLookSummary(RolloutState state) {
        if (state.looks().isEmpty()) {
            return "";
        }
        LookRecord last = state.looks().get(state.looks().size() - 1);
        return "; last verdict " + last.verdict() + " with score " + last.score();
    }

    private RolloutState request(String namespace, String deployment, UserRequest request) {
        Instant now = clock.instant();
        RolloutState state = store.update(namespace, deployment, current -> {
            if (current.phase().isFinal()) {
                throw new RolloutException("the rollout of " + namespace + "/" + deployment + " has ended ("
                        + current.phase() + "); nothing to " + (request == UserRequest.ABORT ? "abort"
                        : "promote"));
            }
            if (current.request() == UserRequest.ABORT || current.phase() == RolloutPhase.ROLLING_BACK) {
                if (request == UserRequest.ABORT) {
                    return current;
                }
                throw new RolloutException("the rollout of " + namespace + "/" + deployment + " is rolling back; "
                        + "it cannot be promoted");
            }
            if (request != UserRequest.ABORT && current.phase() != RolloutPhase.PROGRESSING) {
                throw new RolloutException("the rollout of " + namespace + "/" + deployment + " is "
                        + current.phase() + "; promote works while it goes through its steps");
            }
            if (request == UserRequest.PROMOTE_STEP && !pauseOrAnalysis(current)) {
                throw new RolloutException("the rollout of " + namespace + "/" + deployment + " is at a setWeight "
                        + "step, which ends by itself once the pods are ready; promote ends a pause or an analysis "
                        + "(use --full to skip every step)");
            }
            return current.withRequest(request, now).withMessage(switch (request) {
                case ABORT -> "abort requested";
                case PROMOTE_STEP -> "promotion of the current step requested";
                case PROMOTE_FULL -> "full promotion requested";
                case NONE -> current.message();
            }, now);
        }).orElseThrow(() -> missing(namespace, deployment)).state();
        listener.changed(state);
        return state;
    }

    private static boolean pauseOrAnalysis(RolloutState state) {
        var steps = state.spec().plan().steps();
        return state.stepIndex() < steps.size() && !(steps.get(state.stepIndex()) instanceof SetWeight);
    }

    private static TrafficWeights weights(TrafficRouter router, int weight, int replicas, boolean surge) {
        return router instanceof ReplicaTrafficRouter ? TrafficWeights.replicaSplit(weight, replicas, surge)
                : TrafficWeights.layer7(weight, replicas);
    }

    private static String actualShare(TrafficRouter router, TrafficWeights weights) {
        if (!(router instanceof ReplicaTrafficRouter)) {
            return weights.requestedWeight() + " % routed by " + router.name();
        }
        int total = weights.canaryReplicas() + weights.stableReplicas();
        return total == 0 ? "no pods" : String.format("%.0f %% of pods", 100.0 * weights.canaryReplicas() / total);
    }

    private List<String> warnings(CanarySpec spec, Deployment stable, RolloutPlan plan, int replicas,
            TrafficRouter router) {
        var warnings = new ArrayList<String>();
        if (router instanceof ReplicaTrafficRouter) {
            for (PlanStep step : plan.steps()) {
                if (step instanceof SetWeight weight && weight.weight() < 100) {
                    TrafficWeights split = TrafficWeights.replicaSplit(weight.weight(), replicas, stableSurge(spec));
                    int total = split.canaryReplicas() + split.stableReplicas();
                    double actual = total == 0 ? 0 : 100.0 * split.canaryReplicas() / total;
                    if (Math.abs(actual - weight.weight()) >= 5) {
                        warnings.add(String.format("setWeight %d cannot be met with %d replicas without a mesh: the"
                                + " canary gets %d of %d pods (%.0f %%); use more replicas or a traffic router",
                                weight.weight(), replicas, split.canaryReplicas(), total, actual));
                    }
                }
            }
        }
        var autoscalers = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(spec.namespace()).list()
                .getItems();
        for (var hpa : autoscalers) {
            var ref = hpa.getSpec().getScaleTargetRef();
            if (ref != null && "Deployment".equals(ref.getKind()) && spec.deployment().equals(ref.getName())) {
                warnings.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales "
                        + spec.deployment() + " (" + hpa.getSpec().getMinReplicas() + " to "
                        + hpa.getSpec().getMaxReplicas() + " replicas); the canary's split is computed from "
                        + replicas + " replicas and the autoscaler may change the stable side during the rollout");
            }
        }
        return warnings;
    }

    private boolean stableSurge(CanarySpec spec) {
        Deployment stable = deployment(spec.namespace(), spec.deployment());
        if (stable == null || stable.getSpec().getStrategy() == null
                || stable.getSpec().getStrategy().getRollingUpdate() == null
                || stable.getSpec().getStrategy().getRollingUpdate().getMaxSurge() == null) {
            return true;
        }
        var surge = stable.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
        return surge.getIntVal() != null ? surge.getIntVal() > 0 : !"0%".equals(surge.getStrVal());
    }

    private TrafficRouter router(CanarySpec spec) {
        try {
            return spec.router().isEmpty() ? TrafficRouters.replica() : TrafficRouters.fromConfig(spec.router());
        } catch (IllegalArgumentException e) {
            throw new RolloutException("router: " + e.getMessage());
        }
    }

    private static RolloutTarget target(CanarySpec spec, Deployment stable) {
        return new RolloutTarget(spec.namespace(), CanaryWorkload.app(stable), spec.deployment(),
                spec.canaryDeployment(), spec.service());
    }

    private Deployment deployment(String namespace, String name) {
        try {
            return client.apps().deployments().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static Duration scrapeStep(Duration interval) {
        long seconds = Math.max(1, interval.toSeconds() / 6);
        return Duration.ofSeconds(seconds);
    }

    private static RolloutException missing(String namespace, String deployment) {
        return new RolloutException("no canary rollout of " + namespace + "/" + deployment);
    }
}
