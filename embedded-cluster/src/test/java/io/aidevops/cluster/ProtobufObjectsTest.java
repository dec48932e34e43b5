package io.aidevops.cluster;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.aidevops.cluster.KubectlRecordings.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding kubectl's protobuf objects into the JSON the same objects have. */
class ProtobufObjectsTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void shouldDecodeKubectlCreateDeploymentIntoTheJsonKubectlWouldSendWithoutZeroValues() {
        assertThat(json(ProtobufObjects.decode(body("create-deployment-web.pb")))).isEqualTo(json(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                        + "\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},"
                        + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
                        + "\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.25\"}]}}}}"));
    }

    @Test
    void shouldKeepPointerFieldsAtZeroAndDecodeListsAndPorts() {
        Map<String, Object> deployment = ProtobufObjects.decode(body("create-deployment-cmd.pb"));

        assertThat(json(deployment)).isEqualTo(json(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                        + "\"metadata\":{\"name\":\"cmd\",\"labels\":{\"app\":\"cmd\"}},"
                        + "\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"cmd\"}},"
                        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"cmd\"}},"
                        + "\"spec\":{\"containers\":[{\"name\":\"busybox\",\"image\":\"busybox:1.36\","
                        + "\"command\":[\"sleep\",\"3600\"],\"ports\":[{\"containerPort\":8080}]}]}}}}"));
    }

    @Test
    void shouldDecodeSecretDataAsBase64AndNamedTargetPortsAsStrings() {
        assertThat(json(ProtobufObjects.decode(body("create-secret-s1.pb")))).isEqualTo(json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s1\"},"
                        + "\"data\":{\"password\":\"czNjcmV0\"}}"));
        assertThat(json(ProtobufObjects.decode(body("create-service-np1.pb")))).isEqualTo(json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                        + "\"metadata\":{\"name\":\"np1\",\"labels\":{\"app\":\"np1\"}},"
                        + "\"spec\":{\"ports\":[{\"name\":\"80-http\",\"protocol\":\"TCP\",\"port\":80,"
                        + "\"targetPort\":\"http\",\"nodePort\":30080}],\"selector\":{\"app\":\"np1\"},"
                        + "\"type\":\"NodePort\"}}"));
    }

    @Test
    void shouldLeaveOutStatusAsTheApiServerDoesOnCreate() {
        assertThat(json(ProtobufObjects.decode(body("create-namespace-team-a.pb")))).isEqualTo(json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\"}}"));
    }

    @Test
    void shouldWriteTimesAsRfc3339() {
        byte[] time = concat(varint(1, 1767261600L), varint(2, 500_000_000L));
        byte[] metadata = concat(bytes(1, "ns"), bytes(8, time));

        Map<String, Object> namespace = ProtobufObjects.decode(envelope("v1", "Namespace", bytes(1, metadata)));

        assertThat(namespace.get("metadata"))
                .isEqualTo(Map.of("name", "ns", "creationTimestamp", "2026-01-01T10:00:00Z"));
    }

    @Test
    void shouldIgnoreUnknownFieldsAtTheirZeroValueButRefuseSetOnes() {
        byte[] zero = envelope("v1", "Namespace", concat(bytes(1, bytes(1, "ns")), bytes(99, "")));
        byte[] set = envelope("v1", "Namespace", concat(bytes(1, bytes(1, "ns")), bytes(99, "x")));

        assertThat(ProtobufObjects.decode(zero)).containsEntry("metadata", Map.of("name", "ns"));
        assertThatThrownBy(() -> ProtobufObjects.decode(set))
                .isInstanceOf(ProtobufObjects.UnsupportedObjectException.class)
                .hasMessageContaining("field 99 of Namespace");
    }

    @Test
    void shouldRefuseKindsItHasNoSchemaFor() {
        assertThatThrownBy(() -> ProtobufObjects.decode(body("create-job-j1.pb")))
                .isInstanceOf(ProtobufObjects.UnsupportedObjectException.class)
                .hasMessageContaining("batch/v1/Job");
    }

    @Test
    void shouldRejectBodiesThatAreNoKubernetesProtobuf() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatIllegalArgumentException().isThrownBy(() -> ProtobufObjects.decode(json))
                .withMessageContaining("magic");
        assertThatIllegalArgumentException().isThrownBy(() -> ProtobufWire.fields(new byte[] {0x0a, 0x05, 'a'}))
                .withMessageContaining("claims 5 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> ProtobufWire.fields(new byte[] {(byte) 0x80}))
                .withMessageContaining("cut short");
    }

    private Map<?, ?> json(String text) {
        return serialization.unmarshal(text, Map.class);
    }

    private Map<?, ?> json(Map<String, Object> decoded) {
        // Through JSON text, as the server passes it on, so that numbers compare by value.
        return json(serialization.asJson(decoded));
    }

    private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        byte[] typeMeta = concat(bytes(1, apiVersion), bytes(2, kind));
        return concat(new byte[] {'k', '8', 's', 0}, bytes(1, typeMeta), bytes(2, raw));
    }

    private static byte[] bytes(int field, String text) {
        return bytes(field, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] content) {
        return concat(encodeVarint((long) field << 3 | ProtobufWire.LENGTH_DELIMITED), encodeVarint(content.length),
                content);
    }

    private static byte[] varint(int field, long value) {
        return concat(encodeVarint((long) field << 3 | ProtobufWire.VARINT), encodeVarint(value));
    }

    private static byte[] encodeVarint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
