package ca.novascotia.lampss.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A closed-loop load: each worker sends its next request as soon as the previous answer arrived,
 * for a fixed time, over HTTP/1.1 keep-alive connections. Answers other than the expected status
 * count as failures and are left out of the latencies.
 */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Result(int ok, int failed, double seconds, double[] latenciesMs, String firstFailure) {

        double perSecond() {
            return ok / seconds;
        }

        double p(double q) {
            return Bench.percentile(latenciesMs, q);
        }
    }

    private Load() {
    }

    static Result run(List<Supplier<HttpRequest>> workers, Duration duration, int expectedStatus) {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<List<Double>>> futures = new ArrayList<>();
            for (Supplier<HttpRequest> next : workers) {
                futures.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        HttpRequest request = next.get();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == expectedStatus) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else if (failed.incrementAndGet() == 1) {
                            synchronized (failures) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                        }
                    }
                    return latencies;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> future : futures) {
                all.addAll(future.get());
            }
            double seconds = Bench.seconds(start);
            return new Result(all.size(), failed.get(), seconds, all.stream().mapToDouble(Double::doubleValue).toArray(),
                    failures.isEmpty() ? "" : failures.get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("load failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One request, answered as text. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
