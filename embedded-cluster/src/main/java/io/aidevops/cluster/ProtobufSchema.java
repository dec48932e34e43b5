package io.aidevops.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The protobuf messages of the Kubernetes objects kubectl's {@code create} generators send, as field number, JSON
 * name and type: enough for {@link ProtobufObjects} to turn such a request into the JSON the CRUD store takes.
 *
 * <p>kubectl 1.32 sends {@code kubectl create deployment|namespace|configmap|secret|service|serviceaccount} as
 * {@code application/vnd.kubernetes.protobuf} (its typed clients prefer protobuf for built-in types), and client-go
 * falls back to JSON on a 415 only for CBOR, not for protobuf. So the server has to read these.
 *
 * <p>The numbers and names are those of Kubernetes' {@code generated.proto} files ({@code k8s.io/api/apps/v1},
 * {@code k8s.io/api/core/v1}, {@code k8s.io/apimachinery/pkg/apis/meta/v1}, {@code .../util/intstr},
 * {@code .../api/resource}), which never renumber a field. Only the messages those commands send are listed, with the
 * fields the commands can set and those Go's encoder writes even when unset; a field not listed makes the decoder
 * refuse the request (unless it carries its zero value, which means the same as its absence), rather than drop data
 * silently.
 */
final class ProtobufSchema {

    /** How a field's value is encoded and turned into JSON. */
    enum Kind {
        /** A UTF-8 string. */
        STRING,
        /** A varint holding an {@code int32} or {@code int64}. */
        INTEGER,
        /** A varint holding a {@code bool}. */
        BOOLEAN,
        /** A nested message, named by {@link Field#message()}. */
        MESSAGE,
        /** {@code meta/v1 Time}: seconds and nanos, an RFC 3339 string in JSON. */
        TIME,
        /** {@code intstr.IntOrString}: a number or a string in JSON. */
        INT_OR_STRING,
        /** {@code map<string, string>}. */
        STRING_MAP,
        /** {@code map<string, bytes>}: base64 strings in JSON, as for Secret data. */
        BYTES_MAP,
        /** {@code map<string, resource.Quantity>}: quantity strings in JSON. */
        QUANTITY_MAP,
        /** A field the API server ignores on create, such as {@code status}: read over, never stored. */
        DISCARDED
    }

    /**
     * One field of a message.
     *
     * @param number the field number
     * @param name the JSON name
     * @param kind how the value is encoded
     * @param message the nested message's name, for {@link Kind#MESSAGE}
     * @param repeated whether the field is a list
     * @param pointer whether the Go field is a pointer: then it is on the wire only when set, and its zero value
     *         ({@code replicas: 0}, an empty {@code selector}) means something. Other fields are always on the wire
     *         and their zero value means "not set", so the decoder leaves those out of the JSON as Go's
     *         {@code omitempty} would.
     */
    record Field(int number, String name, Kind kind, String message, boolean repeated, boolean pointer) {

        Field asList() {
            return new Field(number, name, kind, message, true, pointer);
        }

        Field asPointer() {
            return new Field(number, name, kind, message, repeated, true);
        }
    }

    /**
     * One message type.
     *
     * @param name the message name, e.g. {@code DeploymentSpec}
     * @param fields the fields by number
     */
    record Message(String name, Map<Integer, Field> fields) {

        Message {
            fields = Map.copyOf(fields);
        }

        /** The field with this number, if the schema knows it. */
        Optional<Field> field(int number) {
            return Optional.ofNullable(fields.get(number));
        }
    }

    private static final Map<String, Message> MESSAGES = List.of(
            define("ObjectMeta",
                    string(1, "name"), string(2, "generateName"), string(3, "namespace"), string(4, "selfLink"),
                    string(5, "uid"), string(6, "resourceVersion"), integer(7, "generation"),
                    field(8, "creationTimestamp", Kind.TIME), field(9, "deletionTimestamp", Kind.TIME).asPointer(),
                    integer(10, "deletionGracePeriodSeconds").asPointer(),
                    field(11, "labels", Kind.STRING_MAP), field(12, "annotations", Kind.STRING_MAP),
                    nested(13, "ownerReferences", "OwnerReference").asList(), string(14, "finalizers").asList()),
            define("OwnerReference",
                    string(5, "apiVersion"), string(1, "kind"), string(3, "name"), string(4, "uid"),
                    bool(6, "controller").asPointer(), bool(7, "blockOwnerDeletion").asPointer()),
            define("LabelSelector",
                    field(1, "matchLabels", Kind.STRING_MAP),
                    nested(2, "matchExpressions", "LabelSelectorRequirement").asList()),
            define("LabelSelectorRequirement",
                    string(1, "key"), string(2, "operator"), string(3, "values").asList()),

            // apps/v1
            define("Deployment",
                    nested(1, "metadata", "ObjectMeta"), nested(2, "spec", "DeploymentSpec"), discarded(3)),
            define("DeploymentSpec",
                    integer(1, "replicas").asPointer(), nested(2, "selector", "LabelSelector").asPointer(),
                    nested(3, "template", "PodTemplateSpec"), nested(4, "strategy", "DeploymentStrategy"),
                    integer(5, "minReadySeconds"), integer(6, "revisionHistoryLimit").asPointer(),
                    bool(7, "paused"), integer(9, "progressDeadlineSeconds").asPointer()),
            define("DeploymentStrategy",
                    string(1, "type"), nested(2, "rollingUpdate", "RollingUpdateDeployment").asPointer()),
            define("RollingUpdateDeployment",
                    field(1, "maxUnavailable", Kind.INT_OR_STRING).asPointer(),
                    field(2, "maxSurge", Kind.INT_OR_STRING).asPointer()),

            // core/v1: pod templates
            define("PodTemplateSpec",
                    nested(1, "metadata", "ObjectMeta"), nested(2, "spec", "PodSpec")),
            define("PodSpec",
                    nested(2, "containers", "Container").asList(),
                    nested(20, "initContainers", "Container").asList(),
                    string(3, "restartPolicy"), integer(4, "terminationGracePeriodSeconds").asPointer(),
                    integer(5, "activeDeadlineSeconds").asPointer(), string(6, "dnsPolicy"),
                    field(7, "nodeSelector", Kind.STRING_MAP), string(8, "serviceAccountName"),
                    string(9, "serviceAccount"), bool(21, "automountServiceAccountToken").asPointer(),
                    string(10, "nodeName"), bool(11, "hostNetwork"), bool(12, "hostPID"), bool(13, "hostIPC"),
                    bool(27, "shareProcessNamespace").asPointer(),
                    nested(15, "imagePullSecrets", "LocalObjectReference").asList(),
                    string(16, "hostname"), string(17, "subdomain"), string(19, "schedulerName"),
                    string(24, "priorityClassName"), integer(25, "priority").asPointer(),
                    string(29, "runtimeClassName").asPointer(), bool(30, "enableServiceLinks").asPointer(),
                    string(31, "preemptionPolicy").asPointer(), bool(35, "setHostnameAsFQDN").asPointer()),
            define("Container",
                    string(1, "name"), string(2, "image"), string(3, "command").asList(),
                    string(4, "args").asList(), string(5, "workingDir"),
                    nested(6, "ports", "ContainerPort").asList(),
                    nested(8, "resources", "ResourceRequirements"), string(13, "terminationMessagePath"),
                    string(20, "terminationMessagePolicy"), string(14, "imagePullPolicy"), bool(16, "stdin"),
                    bool(17, "stdinOnce"), bool(18, "tty"), string(24, "restartPolicy").asPointer()),
            define("ContainerPort",
                    string(1, "name"), integer(2, "hostPort"), integer(3, "containerPort"), string(4, "protocol"),
                    string(5, "hostIP")),
            define("ResourceRequirements",
                    field(1, "limits", Kind.QUANTITY_MAP), field(2, "requests", Kind.QUANTITY_MAP)),
            define("LocalObjectReference", string(1, "name")),
            define("ObjectReference",
                    string(1, "kind"), string(2, "namespace"), string(3, "name"), string(4, "uid"),
                    string(5, "apiVersion"), string(6, "resourceVersion"), string(7, "fieldPath")),

            // core/v1: the other objects kubectl create makes
            define("Namespace",
                    nested(1, "metadata", "ObjectMeta"), nested(2, "spec", "NamespaceSpec"), discarded(3)),
            define("NamespaceSpec", string(1, "finalizers").asList()),
            define("ConfigMap",
                    nested(1, "metadata", "ObjectMeta"), bool(4, "immutable").asPointer(),
                    field(2, "data", Kind.STRING_MAP), field(3, "binaryData", Kind.BYTES_MAP)),
            define("Secret",
                    nested(1, "metadata", "ObjectMeta"), bool(5, "immutable").asPointer(),
                    field(2, "data", Kind.BYTES_MAP), field(4, "stringData", Kind.STRING_MAP), string(3, "type")),
            define("ServiceAccount",
                    nested(1, "metadata", "ObjectMeta"), nested(2, "secrets", "ObjectReference").asList(),
                    nested(3, "imagePullSecrets", "LocalObjectReference").asList(),
                    bool(4, "automountServiceAccountToken").asPointer()),
            define("Service",
                    nested(1, "metadata", "ObjectMeta"), nested(2, "spec", "ServiceSpec"), discarded(3)),
            define("ServiceSpec",
                    nested(1, "ports", "ServicePort").asList(), field(2, "selector", Kind.STRING_MAP),
                    string(3, "clusterIP"), string(18, "clusterIPs").asList(), string(4, "type"),
                    string(5, "externalIPs").asList(), string(7, "sessionAffinity"), string(8, "loadBalancerIP"),
                    string(9, "loadBalancerSourceRanges").asList(), string(10, "externalName"),
                    string(11, "externalTrafficPolicy"), integer(12, "healthCheckNodePort"),
                    bool(13, "publishNotReadyAddresses"), string(19, "ipFamilies").asList(),
                    string(17, "ipFamilyPolicy").asPointer(),
                    bool(20, "allocateLoadBalancerNodePorts").asPointer(),
                    string(21, "loadBalancerClass").asPointer(), string(22, "internalTrafficPolicy").asPointer(),
                    string(23, "trafficDistribution").asPointer()),
            define("ServicePort",
                    string(1, "name"), string(2, "protocol"), string(6, "appProtocol").asPointer(),
                    integer(3, "port"), field(4, "targetPort", Kind.INT_OR_STRING), integer(5, "nodePort")))
            .stream().collect(Collectors.toUnmodifiableMap(Message::name, Function.identity()));

    /** Top-level kinds by {@code apiVersion/kind}, each the message of the same name. */
    private static final List<String> OBJECTS = List.of("apps/v1/Deployment", "v1/Namespace", "v1/ConfigMap",
            "v1/Secret", "v1/Service", "v1/ServiceAccount");

    private ProtobufSchema() {
    }

    /** The message of a top-level object, if this schema can decode objects of that kind. */
    static Optional<Message> object(String apiVersion, String kind) {
        return OBJECTS.contains(apiVersion + "/" + kind) ? Optional.of(message(kind)) : Optional.empty();
    }

    /** The kinds this schema decodes, as {@code apiVersion/kind}, for error messages. */
    static List<String> objects() {
        return OBJECTS;
    }

    /** A message this schema defines (every message a listed field refers to is defined). */
    static Message message(String name) {
        Message message = MESSAGES.get(name);
        if (message == null) {
            throw new IllegalStateException("The protobuf schema has no message " + name);
        }
        return message;
    }

    private static Message define(String name, Field... fields) {
        Map<Integer, Field> byNumber = new LinkedHashMap<>();
        for (Field field : fields) {
            if (byNumber.put(field.number(), field) != null) {
                throw new IllegalStateException(name + " lists field " + field.number() + " twice");
            }
        }
        return new Message(name, byNumber);
    }

    private static Field field(int number, String name, Kind kind) {
        return new Field(number, name, kind, null, false, false);
    }

    private static Field string(int number, String name) {
        return field(number, name, Kind.STRING);
    }

    private static Field integer(int number, String name) {
        return field(number, name, Kind.INTEGER);
    }

    private static Field bool(int number, String name) {
        return field(number, name, Kind.BOOLEAN);
    }

    private static Field nested(int number, String name, String message) {
        return new Field(number, name, Kind.MESSAGE, message, false, false);
    }

    private static Field discarded(int number) {
        return field(number, "status", Kind.DISCARDED);
    }
}
