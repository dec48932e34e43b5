package io.aidevops.controller.config;

/**
 * {@code server}: the controller service's HTTP listener ({@code aidevops start}).
 *
 * @param port        TCP port of the REST API and dashboard
 * @param bindAddress interface to listen on; loopback by default, since the API has no authentication yet
 */
public record ServerConfig(int port, String bindAddress) {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    static ServerConfig read(ConfigSection s) {
        var config = new ServerConfig(s.integer("port", DEFAULT_PORT, 1, 65535),
                s.text("bind_address", DEFAULT_BIND_ADDRESS));
        s.finish();
        return config;
    }
}
