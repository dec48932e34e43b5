package io.aidevops.controller.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Shows an effective configuration with the keys a user writes ({@code initial_weight}, not {@code initialWeight})
 * and every secret replaced by where it comes from. What {@code aidevops config show} prints and what diagnostic
 * bundles contain.
 */
public final class ConfigRenderer {
    private ConfigRenderer() {
    }

    /** @return the configuration as nested maps of YAML keys to plain values, secrets redacted */
    public static Map<String, Object> toMap(AidevopsConfig config) {
        return recordToMap(config);
    }

    /** @return the configuration as YAML, secrets redacted */
    public static String toYaml(AidevopsConfig config) {
        var settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(toMap(config));
    }

    /** @return every secret the configuration holds, wherever it sits, for redacting them from free text */
    public static List<Secret> secrets(AidevopsConfig config) {
        var found = new ArrayList<Secret>();
        collectSecrets(config, found);
        return found;
    }

    private static void collectSecrets(Object value, List<Secret> found) {
        if (value instanceof Secret secret) {
            found.add(secret);
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> collectSecrets(v, found));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collectSecrets(read(component, record), found);
            }
        }
    }

    private static Object read(RecordComponent component, Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + value.getClass(), e);
        }
    }

    /** {@code initialWeight} -> {@code initial_weight}. */
    static String yamlKey(String componentName) {
        return componentName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> recordToMap(Record value) {
        var map = new LinkedHashMap<String, Object>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            map.put(yamlKey(component.getName()), plain(read(component, value)));
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(ConfigRenderer::plain).orElse(null);
        }
        if (value instanceof Record record) {
            return recordToMap(record);
        }
        if (value instanceof Secret secret) {
            return secret.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant instanceof LogLevel ? constant.name() : ConfigSection.configName(constant);
        }
        if (value instanceof Path || value instanceof URI) {
            return value.toString();
        }
        return value;
    }
}
