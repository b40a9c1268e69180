package ca.novascotia.lampss.it.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Reads a counter from the server's real Prometheus endpoint ({@code /metrics} on the management
 * port, served because the suite's server runs with {@code --metrics-enabled=true}).
 */
public final class ServerMetrics {

    static final String ENDPOINT = "http://localhost:9000/metrics";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerMetrics() {
    }

    /**
     * The sum of the series of {@code name} whose labels include every {@code label="value"} pair
     * given (e.g. {@code "realm", "lampss"}); 0 when none exists yet.
     */
    public static double value(String name, String... labels) {
        double sum = 0;
        for (String line : scrape().split("\n")) {
            if (line.startsWith(name + "{") && Arrays.stream(pairs(labels)).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    public static String scrape() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ENDPOINT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(ENDPOINT + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] pairs(String... labels) {
        String[] pairs = new String[labels.length / 2];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = labels[2 * i] + "=\"" + labels[2 * i + 1] + "\"";
        }
        return pairs;
    }
}
