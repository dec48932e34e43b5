package io.aidevops.controller.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration every face of the suite writes with: ISO-8601 times, stable field order. */
public final class Json {
    private Json() {
    }

    /** @return a new mapper that indents, for files and terminals */
    public static ObjectMapper pretty() {
        return mapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** @return a new mapper; mappers are thread-safe once configured, so callers keep theirs in a constant */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
