package io.aidevops.controller.config;

import java.nio.file.Path;

/**
 * The whole configuration, typed and validated: one object, loaded once by {@link ConfigLoader}. Every section is
 * documented, with its default, in {@code config/config.example.yaml}.
 */
public record AidevopsConfig(AppConfig app, ServerConfig server, KubernetesConfig kubernetes,
                             MonitoringConfig monitoring, DeploymentConfig deployment, SecurityConfig security,
                             LoggingConfig logging) {

    /** @return this configuration with {@code logging.level} replaced, e.g. by {@code AIDEVOPS_LOG_LEVEL} */
    AidevopsConfig withLogLevel(LogLevel level) {
        return new AidevopsConfig(app, server, kubernetes, monitoring, deployment, security, new LoggingConfig(level));
    }

    /** Reads every section of {@code root}, recording problems in the section's context. */
    static AidevopsConfig read(ConfigSection root, Path workingDirectory) {
        var config = new AidevopsConfig(AppConfig.read(root.section("app"), workingDirectory),
                ServerConfig.read(root.section("server")),
                KubernetesConfig.read(root.section("kubernetes")),
                MonitoringConfig.read(root.section("monitoring")),
                DeploymentConfig.read(root.section("deployment")),
                SecurityConfig.read(root.section("security")),
                LoggingConfig.read(root.section("logging")));
        root.finish();
        return config;
    }
}
