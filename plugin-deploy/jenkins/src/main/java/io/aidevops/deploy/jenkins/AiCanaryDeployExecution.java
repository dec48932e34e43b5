package io.aidevops.deploy.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.aidevops.deploy.kube.Sleeper;
import io.aidevops.deploy.plan.PlanException;
import io.aidevops.deploy.rollout.RolloutEngine;
import io.aidevops.deploy.rollout.RolloutException;
import io.aidevops.deploy.rollout.RolloutPhase;
import io.aidevops.deploy.rollout.RolloutState;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs {@code RolloutEngine} for the step on a background thread, never on the CPS VM thread.
 *
 * <p>Restart-safe because nothing important lives here: the rollout's state is in the cluster. This execution keeps
 * only the step's parameters, the id of the rollout once started, and whether the build asked to stop. After a
 * controller restart {@link #onResume()} re-attaches by calling {@code RolloutEngine.run} again, which carries on from
 * the state in the cluster. Stopping the build (abort) asks the engine to roll back and follows that to its end
 * before the step fails.
 */
final class AiCanaryDeployExecution extends StepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(AiCanaryDeployExecution.class.getName());

    private static ExecutorService executorService;

    /** The parameters, kept to rebuild the connection after a restart. */
    private final AiCanaryDeployStep step;
    /** Set once the rollout is recorded in the cluster: from then on a resume re-attaches instead of starting. */
    private volatile String rolloutId;
    /** Set when the build is stopped: a resume then finishes the rollback instead of the rollout. */
    private volatile boolean stopping;

    private transient volatile Future<?> task;
    private transient volatile String status;

    AiCanaryDeployExecution(@NonNull StepContext context, AiCanaryDeployStep step) {
        super(context);
        this.step = step;
    }

    /** Returns at once; the rollout runs in the background. */
    @Override
    public boolean start() {
        task = executor().submit(this::follow);
        return false;
    }

    /** After a controller restart: follow the rollout (or its rollback) again from the state in the cluster. */
    @Override
    public void onResume() {
        task = stopping ? executor().submit(() -> rollBack(new FlowInterruptedException(Result.ABORTED, true)))
                : executor().submit(this::follow);
    }

    /** The build is aborted: stop following, ask the engine to roll back, follow that, then fail with {@code cause}. */
    @Override
    public void stop(@NonNull Throwable cause) {
        if (stopping) {
            return;
        }
        stopping = true;
        getContext().saveState();
        Future<?> running = task;
        if (running != null) {
            running.cancel(true);
        }
        task = executor().submit(() -> rollBack(cause));
    }

    @Override
    public String getStatus() {
        return status == null ? "waiting for the canary of " + target() : status;
    }

    private void follow() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            try (RolloutConnection connection = RolloutConnection.open(step, run)) {
                RolloutEngine engine = connection.engine(state -> progress(listener, state));
                if (rolloutId == null) {
                    rolloutId = attachOrStart(engine, listener);
                    getContext().saveState();
                } else {
                    listener.getLogger().println("aiCanaryDeploy: following the rollout of " + target()
                            + " again from its state in the cluster");
                }
                RolloutState end = engine.run(step.getNamespace(), step.getDeployment(),
                        StepParameters.duration("tick", step.getTick()), Sleeper.THREAD);
                finish(run, end);
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                getContext().onFailure(e);
            }
        } catch (RolloutException | PlanException | IllegalArgumentException e) {
            fail(new AbortException("aiCanaryDeploy: " + e.getMessage()));
        } catch (KubernetesClientException e) {
            fail(new AbortException("aiCanaryDeploy: Kubernetes API: " + (e.getStatus() != null
                    && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage())));
        } catch (Throwable e) {
            fail(e);
        }
    }

    /**
     * Starts the rollout; or, if the controller stopped between starting it and saving this execution, finds the
     * one it started (same image, still running) in the cluster.
     */
    private String attachOrStart(RolloutEngine engine, TaskListener listener)
            throws IOException, InterruptedException {
        var running = engine.status(step.getNamespace(), step.getDeployment())
                .filter(state -> !state.phase().isFinal() && state.spec().image().equals(step.getImage()));
        if (running.isPresent()) {
            listener.getLogger().println("aiCanaryDeploy: following the running rollout " + running.get().id()
                    + " of " + target());
            return running.get().id();
        }
        RolloutState started = engine.start(StepParameters.spec(step, planText()));
        listener.getLogger().println("aiCanaryDeploy: started rollout " + started.id() + " of " + step.getImage()
                + " on " + target());
        return started.id();
    }

    /** Rolls back after the build was stopped, then fails the step with {@code cause}. */
    private void rollBack(Throwable cause) {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            try (RolloutConnection connection = RolloutConnection.open(step, run)) {
                RolloutEngine engine = connection.engine(state -> progress(listener, state));
                var current = engine.status(step.getNamespace(), step.getDeployment());
                if (current.isPresent() && !current.get().phase().isFinal()) {
                    listener.getLogger().println("aiCanaryDeploy: the build was stopped; rolling back " + target());
                    engine.abort(step.getNamespace(), step.getDeployment());
                    RolloutState end = engine.run(step.getNamespace(), step.getDeployment(),
                            StepParameters.duration("tick", step.getTick()), Sleeper.THREAD);
                    CanaryEvidenceAction.attach(run, end);
                }
            }
        } catch (Throwable e) {
            LOGGER.log(Level.WARNING, "could not roll back the canary of " + target(), e);
            cause.addSuppressed(e);
        }
        getContext().onFailure(cause);
    }

    /** Attaches the evidence and ends the step as the rollout ended. */
    private void finish(Run<?, ?> run, RolloutState end) throws IOException, InterruptedException {
        CanaryEvidenceAction.attach(run, end);
        Map<String, Object> result = new HashMap<>();
        result.put("phase", end.phase().name());
        result.put("outcome", end.outcome());
        result.put("looks", end.looksDone());
        result.put("image", end.spec().image());
        result.put("previousImage", end.previousImage());
        String message = "aiCanaryDeploy: canary of " + target() + " " + end.phase() + ": " + end.outcome();
        if (end.phase() == RolloutPhase.PROMOTED) {
            getContext().onSuccess(result);
        } else if (end.phase() == RolloutPhase.FAILED || step.isFailOnRollback()) {
            getContext().onFailure(new AbortException(message));
        } else {
            getContext().get(TaskListener.class).getLogger().println(message);
            getContext().setResult(Result.UNSTABLE);
            getContext().onSuccess(result);
        }
    }

    private String planText() throws IOException, InterruptedException {
        String plan = step.getPlan();
        if (plan == null) {
            return StepParameters.defaultPlan();
        }
        if (StepParameters.isInlinePlan(plan)) {
            return plan;
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("aiCanaryDeploy: plan '" + plan + "' is a file, but the step runs outside "
                    + "node {}: call it inside node, or give the plan itself");
        }
        FilePath file = workspace.child(plan);
        if (!file.exists()) {
            throw new AbortException("aiCanaryDeploy: plan file '" + plan + "' not found in the workspace");
        }
        try (InputStream in = file.read()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void progress(TaskListener listener, RolloutState state) {
        status = String.format(Locale.ROOT, "%s: %s", state.phase(), state.message());
        listener.getLogger().printf(Locale.ROOT, "[%s] %s: %s%n", state.updatedAt(), state.phase(), state.message());
    }

    private void fail(Throwable e) {
        if (!stopping) {
            getContext().onFailure(e);
        }
    }

    private String target() {
        return step.getNamespace() + "/" + step.getDeployment();
    }

    /** Long-running work (a canary takes minutes to hours) on its own daemon threads, not on jenkins.util.Timer. */
    private static synchronized ExecutorService executor() {
        if (executorService == null) {
            // The plugin's class loader as context loader: fabric8 finds its HTTP client through ServiceLoader.
            ThreadFactory daemons = new DaemonThreadFactory();
            ThreadFactory withPluginLoader = runnable -> {
                Thread thread = daemons.newThread(runnable);
                thread.setContextClassLoader(AiCanaryDeployExecution.class.getClassLoader());
                return thread;
            };
            executorService = Executors.newCachedThreadPool(new NamingThreadFactory(withPluginLoader,
                    "aiCanaryDeploy"));
        }
        return executorService;
    }
}
