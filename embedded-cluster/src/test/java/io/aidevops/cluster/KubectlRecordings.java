package io.aidevops.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/**
 * Request bodies kubectl v1.32.4 sent to the embedded cluster, recorded byte for byte through a logging proxy, in
 * {@code src/test/resources/io/aidevops/cluster/kubectl}, and the headers it sent with them:
 * <ul>
 *   <li>{@code create-deployment-web.pb}: {@code kubectl create deployment web --image=nginx:1.25 --replicas=2};</li>
 *   <li>{@code create-deployment-cmd.pb}:
 *   {@code kubectl create deployment cmd --image=busybox:1.36 --replicas=0 --port=8080 -- sleep 3600};</li>
 *   <li>{@code create-namespace-team-a.pb}: {@code kubectl create namespace team-a};</li>
 *   <li>{@code create-configmap-cm1.pb}: {@code kubectl create configmap cm1 --from-literal=a=b};</li>
 *   <li>{@code create-secret-s1.pb}: {@code kubectl create secret generic s1 --from-literal=password=s3cret};</li>
 *   <li>{@code create-service-np1.pb}: {@code kubectl create service nodeport np1 --tcp=80:http
 *   --node-port=30080};</li>
 *   <li>{@code create-serviceaccount-sa1.pb}: {@code kubectl create serviceaccount sa1};</li>
 *   <li>{@code create-job-j1.pb}: {@code kubectl create job j1 --image=busybox} (a kind the server does not
 *   serve);</li>
 *   <li>{@code apply-create-shop.json}: {@code kubectl apply -f deployment.yaml} when {@code shop} is absent
 *   (nginx:1.25, two replicas, container {@code app} with port 80);</li>
 *   <li>{@code apply-patch-shop.json}: {@code kubectl apply -f deployment.yaml} again after the image was changed
 *   to nginx:1.26 in the file;</li>
 *   <li>{@code apply-server-side-shop.yaml}: {@code kubectl apply --server-side -f deployment.yaml};</li>
 *   <li>{@code delete-options.json}: {@code kubectl delete -f deployment.yaml}.</li>
 * </ul>
 */
final class KubectlRecordings {

    /** kubectl's typed clients (the {@code create} subcommands) send protobuf and accept protobuf or JSON. */
    static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
    static final String PROTOBUF_OR_JSON = "application/vnd.kubernetes.protobuf,application/json";
    static final String USER_AGENT = "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07";
    static final String CREATE_QUERY = "?fieldManager=kubectl-create&fieldValidation=Strict";
    static final String APPLY_QUERY = "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict";

    private KubectlRecordings() {
    }

    /** A recorded body. */
    static byte[] body(String name) {
        try (InputStream in = KubectlRecordings.class.getResourceAsStream("kubectl/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No recording " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a recorded body as {@code kubectl create <kind>} does. */
    static HttpResponse<String> create(String server, String collectionPath, String recording) {
        return Http.send("POST", server + collectionPath + CREATE_QUERY, body(recording),
                "Content-Type", PROTOBUF, "Accept", PROTOBUF_OR_JSON, "User-Agent", USER_AGENT);
    }
}
