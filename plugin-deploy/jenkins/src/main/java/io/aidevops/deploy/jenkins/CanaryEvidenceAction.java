package io.aidevops.deploy.jenkins;

import java.io.IOException;
import java.io.PrintWriter;

import hudson.model.Item;
import hudson.model.Run;
import io.aidevops.deploy.rollout.EvidenceReport;
import io.aidevops.deploy.rollout.RolloutState;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The evidence of one canary rollout, attached to the build: phase, outcome, and the core's report as text (shown,
 * escaped, on the action's page) and as HTML (served by {@link #doReport} in a sandbox). Stored with the build as
 * strings only; the rollout itself stays in the cluster.
 */
public final class CanaryEvidenceAction implements RunAction2 {

    /** The HTML report runs no script and loads nothing: only its own inline styles. */
    static final String REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    private final String namespace;
    private final String deployment;
    private final String phase;
    private final String outcome;
    private final int looks;
    private final String text;
    private final String html;

    private transient Run<?, ?> owner;

    CanaryEvidenceAction(RolloutState state) {
        this.namespace = state.spec().namespace();
        this.deployment = state.spec().deployment();
        this.phase = state.phase().name();
        this.outcome = state.outcome();
        this.looks = state.looksDone();
        this.text = EvidenceReport.text(state);
        this.html = EvidenceReport.html(state);
    }

    /** Attaches the evidence of {@code state} to {@code run}, replacing an earlier one of the same Deployment. */
    static void attach(Run<?, ?> run, RolloutState state) throws IOException {
        CanaryEvidenceAction action = new CanaryEvidenceAction(state);
        for (CanaryEvidenceAction old : run.getActions(CanaryEvidenceAction.class)) {
            if (old.getUrlName().equals(action.getUrlName())) {
                run.removeAction(old);
            }
        }
        run.addAction(action);
        run.save();
    }

    @Override
    public String getIconFileName() {
        return "notepad.png";
    }

    @Override
    public String getDisplayName() {
        return "Canary " + namespace + "/" + deployment;
    }

    @Override
    public String getUrlName() {
        return "aiCanary-" + namespace + "-" + deployment;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.owner = run;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getPhase() {
        return phase;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getLooks() {
        return looks;
    }

    /** The plain-text report; Jelly escapes it. */
    public String getText() {
        return text;
    }

    /**
     * The self-contained HTML report, served as its own document with a sandboxing Content-Security-Policy, so any
     * value in it (image names, metric queries) can neither run script nor load anything.
     */
    public void doReport(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        if (owner != null) {
            owner.checkPermission(Item.READ);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", REPORT_CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (PrintWriter out = response.getWriter()) {
            out.print(html);
        }
    }
}
