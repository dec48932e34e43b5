package io.aidevops.cluster;

import io.fabric8.mockwebserver.http.MockResponse;

import java.io.ByteArrayOutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The embedded API server's OpenAPI documents: an honest empty one for v2, none for v3.
 *
 * <p>{@code kubectl apply} and {@code kubectl create -f} validate on the client by default, and that needs an
 * OpenAPI document: kubectl asks for {@code /openapi/v3}, falls back to {@code /openapi/v2} on a 404, and fails with
 * "failed to download openapi" if that is missing too. The server has no schemas to publish (it stores whatever it
 * is given), so {@code /openapi/v2} answers a valid Swagger 2.0 document with no paths and no definitions. kubectl
 * then finds no schema for any kind and skips the schema check (as it does for kinds it cannot find), still checks
 * for duplicate keys, and builds strategic merge patches from the types compiled into it. {@code /openapi/v3} stays
 * 404, so nothing that reads v3 (such as {@code kubectl explain}) is told about schemas that do not exist.
 */
final class OpenApiDocuments {

    /**
     * The media type of gnostic's {@code openapi.v2.Document} as protobuf, as the API server names it in its answer.
     * kubectl asks for the older spelling with {@code @v1.0}, which the API server still accepts but never sends:
     * Go's media type parser rejects the {@code @}, so kubectl could not read an answer labelled with it.
     */
    static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    private static final String V2_PROTOBUF_REQUESTED = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    private static final String V2_PATH = "/openapi/v2";
    private static final String TITLE = "Kubernetes";
    private static final String VERSION = "v" + ApiDiscovery.MAJOR + "." + ApiDiscovery.MINOR + ".0";
    // Field numbers of gnostic's OpenAPIv2.proto: Document.swagger 1, Document.info 2, Document.paths 8;
    // Info.title 1, Info.version 2.
    private static final int DOCUMENT_SWAGGER = 1;
    private static final int DOCUMENT_INFO = 2;
    private static final int DOCUMENT_PATHS = 8;
    private static final int INFO_TITLE = 1;
    private static final int INFO_VERSION = 2;

    private OpenApiDocuments() {
    }

    /**
     * Answers a {@code GET} of an OpenAPI path.
     *
     * @param path the request path without query
     * @param accept the request's {@code Accept} header, may be null
     * @return the answer, or empty if {@code path} is no OpenAPI path
     */
    static Optional<MockResponse> answer(String path, String accept) {
        if (V2_PATH.equals(path)) {
            boolean protobuf = accept != null
                    && (accept.contains(V2_PROTOBUF) || accept.contains(V2_PROTOBUF_REQUESTED));
            return Optional.of(new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                    .setHeader("Content-Type", protobuf ? V2_PROTOBUF : "application/json")
                    .setBody(protobuf ? emptyV2Protobuf() : emptyV2Json().getBytes(StandardCharsets.UTF_8)));
        }
        if (path.equals("/openapi") || path.startsWith("/openapi/")) {
            return Optional.of(ApiStatus.failure(HttpURLConnection.HTTP_NOT_FOUND, "NotFound",
                    "the embedded API server publishes no OpenAPI v3 documents: it has no schemas"));
        }
        return Optional.empty();
    }

    /** The empty Swagger 2.0 document as JSON. */
    static String emptyV2Json() {
        return "{\"swagger\":\"2.0\",\"info\":{\"title\":\"" + TITLE + "\",\"version\":\"" + VERSION + "\"},"
                + "\"paths\":{}}";
    }

    /** The empty Swagger 2.0 document as the protobuf kubectl reads. */
    static byte[] emptyV2Protobuf() {
        byte[] info = concat(
                lengthDelimited(INFO_TITLE, TITLE.getBytes(StandardCharsets.UTF_8)),
                lengthDelimited(INFO_VERSION, VERSION.getBytes(StandardCharsets.UTF_8)));
        return concat(
                lengthDelimited(DOCUMENT_SWAGGER, "2.0".getBytes(StandardCharsets.UTF_8)),
                lengthDelimited(DOCUMENT_INFO, info),
                lengthDelimited(DOCUMENT_PATHS, new byte[0]));
    }

    private static byte[] lengthDelimited(int field, byte[] content) {
        // Every key and length here is below 128, so each fits a one-byte varint.
        if (content.length >= 128) {
            throw new IllegalStateException("content too long for a one-byte length: " + content.length);
        }
        byte[] encoded = new byte[content.length + 2];
        encoded[0] = (byte) (field << 3 | ProtobufWire.LENGTH_DELIMITED);
        encoded[1] = (byte) content.length;
        System.arraycopy(content, 0, encoded, 2, content.length);
        return encoded;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
