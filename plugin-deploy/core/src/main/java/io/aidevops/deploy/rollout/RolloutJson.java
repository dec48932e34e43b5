package io.aidevops.deploy.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of rollout states and evidence: ISO times and durations, unknown fields ignored for upgrades. */
public final class RolloutJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RolloutJson() {
    }

    /** The mapper, for callers that render states themselves. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static RolloutState readState(String json, String where) {
        try {
            return MAPPER.readValue(json, RolloutState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the rollout state in " + where + " is not readable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
