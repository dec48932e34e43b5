package io.aidevops.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a Kubernetes object sent as {@code application/vnd.kubernetes.protobuf} into the JSON structure (maps,
 * lists, strings, numbers, booleans) the same object has as {@code application/json}.
 *
 * <p>The body is Kubernetes' protobuf envelope: the magic {@code k8s\0}, then a {@code runtime.Unknown} message
 * holding {@code apiVersion} and {@code kind} and the object's own message, which {@link ProtobufSchema} describes.
 * Zero values of non-pointer fields are left out, as the JSON encoding of the same Go object would leave them out;
 * {@code status} is read over, as the API server discards it on create.
 */
final class ProtobufObjects {

    /** The media type kubectl's typed clients send. */
    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final int UNKNOWN_TYPE_META = 1;
    private static final int UNKNOWN_RAW = 2;
    private static final int UNKNOWN_CONTENT_ENCODING = 3;
    private static final int UNKNOWN_CONTENT_TYPE = 4;
    private static final int TYPE_META_API_VERSION = 1;
    private static final int TYPE_META_KIND = 2;
    private static final int MAP_KEY = 1;
    private static final int MAP_VALUE = 2;
    private static final int INT_OR_STRING_TYPE = 1;
    private static final int INT_OR_STRING_INT = 2;
    private static final int INT_OR_STRING_STRING = 3;
    private static final long INT_OR_STRING_IS_STRING = 1;
    private static final int QUANTITY_STRING = 1;
    private static final int TIME_SECONDS = 1;
    private static final int TIME_NANOS = 2;

    /** The body holds something well-formed that this decoder cannot translate faithfully. */
    static final class UnsupportedObjectException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnsupportedObjectException(String message) {
            super(message);
        }
    }

    private ProtobufObjects() {
    }

    /**
     * The object in {@code body}, as JSON maps, with {@code apiVersion} and {@code kind} first.
     *
     * @throws UnsupportedObjectException if the kind or one of its fields is not in {@link ProtobufSchema}
     * @throws IllegalArgumentException if the body is not a well-formed Kubernetes protobuf message
     */
    static Map<String, Object> decode(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("the body does not start with the Kubernetes protobuf magic k8s\\0");
        }
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        for (ProtobufWire.Field field : ProtobufWire.fields(Arrays.copyOfRange(body, MAGIC.length, body.length))) {
            switch (field.number()) {
                case UNKNOWN_TYPE_META:
                    for (ProtobufWire.Field typeMeta : ProtobufWire.fields(field.bytes())) {
                        if (typeMeta.number() == TYPE_META_API_VERSION) {
                            apiVersion = text(typeMeta);
                        } else if (typeMeta.number() == TYPE_META_KIND) {
                            kind = text(typeMeta);
                        }
                    }
                    break;
                case UNKNOWN_RAW:
                    raw = field.bytes();
                    break;
                case UNKNOWN_CONTENT_ENCODING:
                case UNKNOWN_CONTENT_TYPE:
                    // Both empty mean "raw is the plain protobuf message", which is all kubectl sends.
                    if (!field.isZero()) {
                        throw new UnsupportedObjectException("an object wrapped with content encoding or type '"
                                + text(field) + "' is not supported");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("the envelope has an unexpected field " + field.number());
            }
        }
        String gvk = apiVersion + "/" + kind;
        ProtobufSchema.Message message = ProtobufSchema.object(apiVersion, kind).orElseThrow(() ->
                new UnsupportedObjectException("objects of kind " + gvk + " cannot be decoded from protobuf here; "
                        + "the embedded API server decodes " + String.join(", ", ProtobufSchema.objects())));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.putAll(decodeMessage(message, raw, kind));
        return object;
    }

    private static Map<String, Object> decodeMessage(ProtobufSchema.Message message, byte[] bytes, String path) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (ProtobufWire.Field wire : ProtobufWire.fields(bytes)) {
            Optional<ProtobufSchema.Field> known = message.field(wire.number());
            if (known.isEmpty()) {
                if (wire.isZero()) {
                    // Not listed, and at its zero value: Go's encoder writes every non-pointer field, set or not,
                    // so such a field means "not set"; the generators set none of the pointer fields left out.
                    continue;
                }
                throw new UnsupportedObjectException(path + ": field " + wire.number() + " of " + message.name()
                        + " is set, and the embedded API server's protobuf decoder does not know it");
            }
            ProtobufSchema.Field field = known.get();
            if (field.kind() == ProtobufSchema.Kind.DISCARDED) {
                continue;
            }
            String fieldPath = path + "." + field.name();
            checkWireType(field, wire, fieldPath);
            switch (field.kind()) {
                case STRING_MAP:
                case BYTES_MAP:
                case QUANTITY_MAP:
                    Map.Entry<String, Object> entry = mapEntry(field.kind(), wire.bytes(), fieldPath);
                    mapOf(result, field.name()).put(entry.getKey(), entry.getValue());
                    break;
                default:
                    Object value = value(field, wire, fieldPath);
                    if (value == null) {
                        result.remove(field.name()); // the zero time: null in JSON, so left out
                    } else if (field.repeated()) {
                        listOf(result, field.name()).add(value);
                    } else if (field.pointer() || !isZero(value)) {
                        result.put(field.name(), value);
                    } else {
                        result.remove(field.name()); // a later occurrence of a singular field wins, as in protobuf
                    }
            }
        }
        return result;
    }

    private static Object value(ProtobufSchema.Field field, ProtobufWire.Field wire, String path) {
        switch (field.kind()) {
            case STRING:
                return text(wire);
            case INTEGER:
                return wire.varint(); // int32 and int64 alike: a negative int32 is sign-extended on the wire
            case BOOLEAN:
                return wire.varint() != 0;
            case MESSAGE:
                return decodeMessage(ProtobufSchema.message(field.message()), wire.bytes(), path);
            case TIME:
                return time(wire.bytes());
            case INT_OR_STRING:
                return intOrString(wire.bytes());
            default:
                throw new IllegalStateException("Unexpected kind " + field.kind() + " at " + path);
        }
    }

    private static Map.Entry<String, Object> mapEntry(ProtobufSchema.Kind kind, byte[] entry, String path) {
        String key = "";
        Object value = kind == ProtobufSchema.Kind.BYTES_MAP ? "" : null;
        for (ProtobufWire.Field part : ProtobufWire.fields(entry)) {
            if (part.wireType() != ProtobufWire.LENGTH_DELIMITED) {
                throw new IllegalArgumentException(path + ": a map entry has a field of wire type " + part.wireType());
            }
            if (part.number() == MAP_KEY) {
                key = text(part);
            } else if (part.number() == MAP_VALUE) {
                switch (kind) {
                    case BYTES_MAP:
                        value = Base64.getEncoder().encodeToString(part.bytes());
                        break;
                    case QUANTITY_MAP:
                        value = quantity(part.bytes());
                        break;
                    default:
                        value = text(part);
                }
            }
        }
        return Map.entry(key, value == null ? "" : value);
    }

    private static Object time(byte[] bytes) {
        long seconds = 0;
        long nanos = 0;
        for (ProtobufWire.Field part : ProtobufWire.fields(bytes)) {
            if (part.number() == TIME_SECONDS) {
                seconds = part.varint();
            } else if (part.number() == TIME_NANOS) {
                nanos = part.varint();
            }
        }
        if (seconds == 0 && nanos == 0) {
            return null; // Kubernetes writes the zero time as an empty message; JSON has null for it
        }
        // metav1.Time is second-precise in JSON.
        return Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Object intOrString(byte[] bytes) {
        long type = 0;
        long number = 0;
        String text = "";
        for (ProtobufWire.Field part : ProtobufWire.fields(bytes)) {
            if (part.number() == INT_OR_STRING_TYPE) {
                type = part.varint();
            } else if (part.number() == INT_OR_STRING_INT) {
                number = (int) part.varint();
            } else if (part.number() == INT_OR_STRING_STRING) {
                text = text(part);
            }
        }
        return type == INT_OR_STRING_IS_STRING ? text : (Object) number;
    }

    private static String quantity(byte[] bytes) {
        String value = "";
        for (ProtobufWire.Field part : ProtobufWire.fields(bytes)) {
            if (part.number() == QUANTITY_STRING) {
                value = text(part);
            }
        }
        return value;
    }

    private static void checkWireType(ProtobufSchema.Field field, ProtobufWire.Field wire, String path) {
        boolean varint = field.kind() == ProtobufSchema.Kind.INTEGER || field.kind() == ProtobufSchema.Kind.BOOLEAN;
        int expected = varint ? ProtobufWire.VARINT : ProtobufWire.LENGTH_DELIMITED;
        if (wire.wireType() != expected) {
            throw new IllegalArgumentException(path + " has wire type " + wire.wireType() + ", expected "
                    + expected);
        }
    }

    private static boolean isZero(Object value) {
        return value == null || "".equals(value) || Long.valueOf(0).equals(value) || Boolean.FALSE.equals(value)
                || value instanceof Map && ((Map<?, ?>) value).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Map<String, Object> object, String name) {
        return (Map<String, Object>) object.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> object, String name) {
        return (List<Object>) object.computeIfAbsent(name, key -> new ArrayList<>());
    }

    private static String text(ProtobufWire.Field field) {
        return new String(field.bytes(), StandardCharsets.UTF_8);
    }
}
