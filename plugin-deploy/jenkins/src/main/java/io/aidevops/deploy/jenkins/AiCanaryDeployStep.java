package io.aidevops.deploy.jenkins;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aiCanaryDeploy(namespace: 'shop', deployment: 'web', image: '...')}: a canary rollout of a new image, run by
 * the suite's {@code RolloutEngine} with its state in the cluster. Configuration only: every value is mapped onto the
 * core in {@link StepParameters} and run by {@link AiCanaryDeployExecution}.
 */
public final class AiCanaryDeployStep extends Step implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final String deployment;
    private final String image;
    private String plan;
    private String container;
    private String service;
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private String kubeconfigCredentialsId;
    private String tick = StepParameters.DEFAULT_TICK;
    private String thresholds = StepParameters.DEFAULT_THRESHOLDS;
    private String progressDeadline = StepParameters.DEFAULT_PROGRESS_DEADLINE;
    private boolean failOnRollback = true;

    /**
     * @param namespace the Deployment's namespace
     * @param deployment the Deployment that runs the stable version
     * @param image the new image
     */
    @DataBoundConstructor
    public AiCanaryDeployStep(String namespace, String deployment, String image) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
        this.deployment = Util.fixEmptyAndTrim(deployment);
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getNamespace() {
        return namespace;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getImage() {
        return image;
    }

    public String getPlan() {
        return plan;
    }

    /** The rollout plan: inline YAML/JSON (several lines) or the path of a plan file in the workspace. */
    @DataBoundSetter
    public void setPlan(String plan) {
        this.plan = Util.fixEmpty(plan);
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = Util.fixEmptyAndTrim(container);
    }

    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = Util.fixEmptyAndTrim(service);
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = Util.fixEmptyAndTrim(prometheusUrl);
    }

    public String getPrometheusCredentialsId() {
        return prometheusCredentialsId;
    }

    /** A Secret text credential with a bearer token for Prometheus. */
    @DataBoundSetter
    public void setPrometheusCredentialsId(String prometheusCredentialsId) {
        this.prometheusCredentialsId = Util.fixEmptyAndTrim(prometheusCredentialsId);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    /** A Secret file credential with a kubeconfig; without one, fabric8's default configuration of the controller. */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Util.fixEmptyAndTrim(kubeconfigCredentialsId);
    }

    public String getTick() {
        return tick;
    }

    @DataBoundSetter
    public void setTick(String tick) {
        this.tick = Util.fixEmptyAndTrim(tick) == null ? StepParameters.DEFAULT_TICK : tick.trim();
    }

    public String getThresholds() {
        return thresholds;
    }

    @DataBoundSetter
    public void setThresholds(String thresholds) {
        this.thresholds = Util.fixEmptyAndTrim(thresholds) == null ? StepParameters.DEFAULT_THRESHOLDS
                : thresholds.trim();
    }

    public String getProgressDeadline() {
        return progressDeadline;
    }

    @DataBoundSetter
    public void setProgressDeadline(String progressDeadline) {
        this.progressDeadline = Util.fixEmptyAndTrim(progressDeadline) == null
                ? StepParameters.DEFAULT_PROGRESS_DEADLINE : progressDeadline.trim();
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new AiCanaryDeployExecution(context, this);
    }

    /** The step's name, Snippet Generator entry and form validation. */
    @Extension
    @Symbol("aiCanaryDeploy")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "aiCanaryDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "AI canary deploy: roll out an image to a Kubernetes Deployment, judged by metrics";
        }

        /** Run and listener only: no workspace needed (and no executor held) unless the plan is a workspace file. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckNamespace(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkName("namespace", value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDeployment(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkName("deployment", value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) && Util.fixEmptyAndTrim(value) != null
                    ? StepParameters.checkName("service", value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkImage(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckPlan(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkPlan(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckPrometheusUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkPrometheusUrl(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTick(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkDuration("tick", value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckProgressDeadline(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkDuration("progressDeadline", value)
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckThresholds(@AncestorInPath Item item, @QueryParameter String value) {
            return mayConfigure(item) ? StepParameters.checkThresholds(value) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillPrometheusCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String prometheusCredentialsId) {
            return credentials(item, StringCredentials.class, prometheusCredentialsId);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String kubeconfigCredentialsId) {
            return credentials(item, FileCredentials.class, kubeconfigCredentialsId);
        }

        /** Credentials metadata only for users who may configure the job (or Jenkins, outside a job). */
        private static ListBoxModel credentials(Item item, Class<? extends com.cloudbees.plugins.credentials.common
                .StandardCredentials> type, String current) {
            String value = Util.fixNull(current);
            if (!mayConfigure(item)) {
                return new StandardListBoxModel().includeCurrentValue(value);
            }
            return new StandardListBoxModel().includeEmptyValue()
                    .includeAs(ACL.SYSTEM2, item, type, List.of())
                    .includeCurrentValue(value);
        }

        private static boolean mayConfigure(Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.MANAGE) : item.hasPermission(Item.CONFIGURE);
        }
    }
}
