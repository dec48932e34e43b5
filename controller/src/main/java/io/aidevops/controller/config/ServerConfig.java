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

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    static ServerConfig read(ConfigSection s) {
        var port = s.integer("port", DEFAULT_PORT, 1, 65535);
        var bindAddress = s.text("bind_address", DEFAULT_BIND_ADDRESS);
        if (!isAddress(bindAddress)) {
            s.problem("bind_address", "expected an IP address of this machine (127.0.0.1, 0.0.0.0 for all, ::1) "
                    + "or localhost, found '" + bindAddress + "'");
            bindAddress = DEFAULT_BIND_ADDRESS;
        }
        s.finish();
        return new ServerConfig(port, bindAddress);
    }

    /** Addresses only, no host names: a name would need a DNS lookup to validate, and may change its address. */
    static boolean isAddress(String text) {
        if ("localhost".equals(text) || IPV4.matcher(text).matches()) {
            return true;
        }
        // Hex digits, colons and dots, an optional %zone: anything else could make getByName ask a resolver.
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:][0-9a-fA-F:.]*(%[\\w.-]+)?")) {
            return false;
        }
        try {
            // An IPv6 literal (it has a colon) is parsed, never looked up.
            return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
