package io.aidevops.cluster;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the CRUD store's answer to creating an object that already exists the API server's form.
 *
 * <p>The store answers 409 with reason {@code Invalid} and the message {@code Deployment 'web' already exists}, so
 * kubectl prints {@code The Deployment "" is invalid}. A real API server says reason {@code AlreadyExists}, message
 * {@code deployments.apps "web" already exists}, and names the object in the details, which kubectl prints as
 * {@code Error from server (AlreadyExists): ... deployments.apps "web" already exists}.
 */
final class AlreadyExists {

    /** The store's message, see fabric8's KubernetesCrudDispatcher: {@code <Kind> '<name>' already exists}. */
    private static final Pattern STORE_MESSAGE = Pattern.compile("\\w+ '(.+)' already exists");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private AlreadyExists() {
    }

    /**
     * The store's answer to a create at {@code path}, corrected if it is the store's "already exists" conflict.
     *
     * @param path the collection path the object was posted to, without query
     * @param answer the store's answer
     */
    static MockResponse corrected(String path, MockResponse answer) {
        if (answer.code() != HttpURLConnection.HTTP_CONFLICT || answer.getBody() == null) {
            return answer;
        }
        Optional<ResourcePath> collection = ResourcePath.parse(path).filter(ResourcePath::isCollection);
        Map<?, ?> status = SERIALIZATION.unmarshal(
                new String(answer.getBody().getBytes(), StandardCharsets.UTF_8), Map.class);
        Matcher message = STORE_MESSAGE.matcher(String.valueOf(status.get("message")));
        if (collection.isEmpty() || !message.matches()) {
            return answer;
        }
        String group = collection.get().group();
        String resource = collection.get().plural() + (group.isEmpty() ? "" : "." + group);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", message.group(1));
        details.put("group", group);
        details.put("kind", collection.get().plural());
        Map<String, Object> corrected = new LinkedHashMap<>();
        corrected.put("kind", "Status");
        corrected.put("apiVersion", "v1");
        corrected.put("metadata", Map.of());
        corrected.put("status", "Failure");
        corrected.put("message", resource + " \"" + message.group(1) + "\" already exists");
        corrected.put("reason", "AlreadyExists");
        corrected.put("details", details);
        corrected.put("code", HttpURLConnection.HTTP_CONFLICT);
        return answer.setBody(SERIALIZATION.asJson(corrected));
    }
}
