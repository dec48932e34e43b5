package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@code kubectl get}'s request for a {@code meta.k8s.io/v1 Table} ({@code Accept: ...;as=Table;...}).
 *
 * <p>Without it kubectl falls back to printing NAME and AGE only, since the columns of the built-in kinds are computed
 * by the API server, not by kubectl. With it, {@code kubectl get pods} shows READY, STATUS and RESTARTS as on a real
 * cluster, which is what a demo audience looks at. Kinds without a {@link TableFormat} keep the plain JSON answer.
 */
final class ServerSideTable {

    private final Map<String, TableFormat<?>> formats = TableFormat.byKind();
    private final TableFormat.Ages ages;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** @param simulated the simulator's clock, for the ages of the timestamps the simulator writes */
    ServerSideTable(Clock simulated) {
        this.ages = new TableFormat.Ages(simulated);
    }

    /** Whether the {@code Accept} header asks for a Table. */
    static boolean isRequested(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /**
     * The Table of an object or list.
     *
     * @param json the JSON the store answered with
     * @param fullObjects whether rows carry the whole object ({@code includeObject=Object}, which kubectl asks for
     *        to sort), not just its metadata
     * @return the Table as JSON, or empty if the kind has no table format or the list is empty
     */
    Optional<String> render(String json, boolean fullObjects) {
        GenericKubernetesResource parsed = serialization.unmarshal(json, GenericKubernetesResource.class);
        if (parsed == null || parsed.getKind() == null) {
            return Optional.empty();
        }
        List<GenericKubernetesResource> items = new ArrayList<>();
        String resourceVersion = parsed.getMetadata() == null ? null : parsed.getMetadata().getResourceVersion();
        if (parsed.getKind().endsWith("List")) {
            Object listed = parsed.getAdditionalProperties().get("items");
            if (listed instanceof List) {
                for (Object item : (List<?>) listed) {
                    items.add(serialization.convertValue(item, GenericKubernetesResource.class));
                }
            }
        } else {
            items.add(parsed);
        }
        if (items.isEmpty() || !formats.containsKey(items.get(0).getKind())) {
            return Optional.empty();
        }
        TableFormat<?> format = formats.get(items.get(0).getKind());
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.put("metadata", resourceVersion == null ? Map.of() : Map.of("resourceVersion", resourceVersion));
        table.put("columnDefinitions", columns(format));
        // The store lists in insertion order; a real API server lists in key order, namespace then name.
        items.sort(Comparator.comparing(ObjectKey::of));
        List<Object> rows = new ArrayList<>();
        for (GenericKubernetesResource item : items) {
            if (item.getKind().equals(items.get(0).getKind())) {
                rows.add(row(format, item, fullObjects));
            }
        }
        table.put("rows", rows);
        return Optional.of(serialization.asJson(table));
    }

    private static List<Object> columns(TableFormat<?> format) {
        List<Object> columns = new ArrayList<>();
        for (String name : format.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", name);
            column.put("type", "string");
            column.put("format", "Name".equals(name) ? "name" : "");
            column.put("description", "");
            column.put("priority", 0);
            columns.add(column);
        }
        return columns;
    }

    private <T extends HasMetadata> Map<String, Object> row(TableFormat<T> format, GenericKubernetesResource item,
            boolean fullObject) {
        T typed = serialization.convertValue(item, format.type());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cells", format.cells().apply(typed, ages));
        if (fullObject) {
            row.put("object", item);
        } else {
            Map<String, Object> partial = new LinkedHashMap<>();
            partial.put("kind", "PartialObjectMetadata");
            partial.put("apiVersion", "meta.k8s.io/v1");
            partial.put("metadata", item.getMetadata());
            row.put("object", partial);
        }
        return row;
    }
}
