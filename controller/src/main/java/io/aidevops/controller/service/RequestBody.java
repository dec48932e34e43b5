package io.aidevops.controller.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** Reads a request body up to a limit, so one large request cannot take the service's memory. */
final class RequestBody {

    /**
     * Beyond the limit the rest is read and dropped, up to this many times the limit, so that a client still sending
     * gets its 413 answer instead of a reset connection; a body larger still ends the connection.
     */
    private static final int DRAIN_FACTOR = 4;

    private RequestBody() {
    }

    /** @return the body, or empty when it is larger than {@code limit} bytes */
    static Optional<byte[]> read(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            var buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    drain(in, chunk, (long) limit * DRAIN_FACTOR - total);
                    return Optional.empty();
                }
                buffer.write(chunk, 0, n);
            }
            return Optional.of(buffer.toByteArray());
        }
    }

    private static void drain(InputStream in, byte[] chunk, long budget) throws IOException {
        long left = budget;
        int n;
        while (left > 0 && (n = in.read(chunk, 0, (int) Math.min(chunk.length, left))) != -1) {
            left -= n;
        }
    }
}
