package ca.novascotia.lampss.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmarks share: their settings (system properties, so {@code -Dbench.…=…} on the Maven
 * command line changes them), their output ({@code BENCH <name> <key>=<value> …} lines, printed and
 * appended to {@code target/bench/<file>.txt}) and percentiles.
 */
final class Bench {

    private Bench() {
    }

    static int setting(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }

    /** One BENCH line, printed and appended to {@code target/bench/<file>.txt}. */
    static void report(String file, String name, Map<String, ?> values) {
        StringBuilder line = new StringBuilder("BENCH ").append(name);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(format(value)));
        System.out.println(line);
        Path dir = Path.of(System.getProperty("lampss.benchDir", "target/bench"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key-value pairs in the order given, for {@link #report}. */
    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.3f", d);
        }
        return String.valueOf(value);
    }

    /** The q-quantile (0..1) of the values, nearest rank; NaN when there are none. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The setups in the order of this round, rotated each round (A B C, B C A, C A B, …): throughput
     * still drifts upwards after the warm-up, and a fixed order would always measure one setup first.
     */
    static List<String> rotated(List<String> setups, int round) {
        List<String> order = new ArrayList<>(setups);
        Collections.rotate(order, -((round - 1) % setups.size()));
        return order;
    }

    /** Speed of a over b, round by round (each pair measured seconds apart). */
    static double[] ratios(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return ratios;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
