package io.aidevops.controller.service;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.CanaryJudge;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.resources.ResourceAdvisor;
import io.aidevops.ai.strategy.StrategyAdvisor;
import io.aidevops.controller.advise.ResourceInputReader;
import io.aidevops.controller.advise.ResourceView;
import io.aidevops.controller.advise.StrategyRequest;
import io.aidevops.controller.advise.StrategyView;
import io.aidevops.controller.canary.JudgeInput;
import io.aidevops.controller.canary.VerdictView;

/**
 * The endpoints that compute without a cluster, with the same JSON as the CLI's {@code --format json}:
 * {@code POST /api/v1/judge} ({@code aidevops judge}, one request; {@code ?judge=kayenta} picks the Kayenta-equivalent
 * judge), {@code POST /api/v1/advise/strategy} and {@code POST /api/v1/advise/resources}. A bad body is a 400 whose
 * error names the field.
 */
public final class AnalysisRoutes {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private AnalysisRoutes() {
    }

    /** The routes, to add to a {@link ControllerService}. */
    public static List<ApiRoute> all() {
        return List.of(new ApiRoute("POST", "/api/v1/judge", AnalysisRoutes::judge),
                new ApiRoute("POST", "/api/v1/advise/strategy", AnalysisRoutes::strategy),
                new ApiRoute("POST", "/api/v1/advise/resources", AnalysisRoutes::resources));
    }

    static ApiResponse judge(ApiRequest request) {
        String name = request.query("judge").orElse("aidevops").toLowerCase(Locale.ROOT);
        CanaryJudge judge = switch (name) {
            case "aidevops" -> new AdaptiveJudge();
            case "kayenta" -> new KayentaJudge();
            default -> null;
        };
        if (judge == null) {
            return ApiResponse.error(400, "judge is \"" + name + "\"; allowed: aidevops, kayenta", request.path());
        }
        try {
            JsonNode body = json(request);
            return ApiResponse.ok(VerdictView.of(judge.judge(JudgeInput.parse(body))));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage(), request.path());
        }
    }

    static ApiResponse strategy(ApiRequest request) {
        try {
            StrategyRequest parsed = StrategyRequest.fromJson(request.bodyText());
            return ApiResponse.ok(StrategyView.of(StrategyAdvisor.recommend(parsed.profile())));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage(), request.path());
        }
    }

    static ApiResponse resources(ApiRequest request) {
        try {
            return ApiResponse.ok(ResourceView.of(ResourceAdvisor.recommend(
                    ResourceInputReader.read(request.bodyText()))));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage(), request.path());
        }
    }

    private static JsonNode json(ApiRequest request) {
        if (request.body().length == 0) {
            throw new IllegalArgumentException("the body is empty; expected a JSON object");
        }
        try {
            return STRICT.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body cannot be read: " + e.getMessage());
        }
    }
}
