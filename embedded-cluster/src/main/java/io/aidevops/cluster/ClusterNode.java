package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** The single node every simulated pod runs on. Pods get its loopback address, where their metrics are served. */
final class ClusterNode {

    static final String NAME = "aidevops-embedded-node";
    static final String IP = "127.0.0.1";

    private ClusterNode() {
    }

    /**
     * The node's address to bind servers to. Explicitly IPv4: {@code InetAddress.getLoopbackAddress()} is {@code ::1}
     * on JVMs that prefer IPv6, while every URL the cluster hands out says {@value #IP}.
     */
    static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }

    /** The Node object, ready since {@code since}, so that {@code kubectl get nodes} looks as usual. */
    static Node object(Instant since) {
        String timestamp = KubeTime.format(since);
        return new NodeBuilder()
                .withNewMetadata()
                .withName(NAME)
                .addToLabels("kubernetes.io/hostname", NAME)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("node-role.kubernetes.io/control-plane", "")
                .endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("kubelet is posting ready status (simulated)")
                .withLastHeartbeatTime(timestamp).withLastTransitionTime(timestamp)
                .endCondition()
                .addNewAddress().withType("InternalIP").withAddress(IP).endAddress()
                .addNewAddress().withType("Hostname").withAddress(NAME).endAddress()
                .addToCapacity("cpu", new Quantity("4"))
                .addToCapacity("memory", new Quantity("8Gi"))
                .addToCapacity("pods", new Quantity("110"))
                .addToAllocatable("cpu", new Quantity("4"))
                .addToAllocatable("memory", new Quantity("8Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .withNewNodeInfo()
                .withKubeletVersion("v" + ApiDiscovery.MAJOR + "." + ApiDiscovery.MINOR + ".0")
                .withContainerRuntimeVersion("simulated://1.0")
                .withOperatingSystem("linux").withArchitecture("amd64").withOsImage("AI DevOps embedded cluster")
                .withKernelVersion("simulated").withMachineID(NAME).withSystemUUID(NAME).withBootID(NAME)
                .endNodeInfo()
                .endStatus()
                .build();
    }
}
