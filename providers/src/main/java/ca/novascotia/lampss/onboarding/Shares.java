package ca.novascotia.lampss.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Background emails go out a few shares at once (rendering from the theme and SMTP are most of their
 * cost): the items split into that many consecutive shares, each run on the pool, all waited for.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * @return what the shares that failed threw (each share succeeds or fails on its own)
     * @throws InterruptedException when stopped while waiting; the shares not finished yet go on
     */
    public static <T> List<Throwable> run(ExecutorService pool, int shares, List<T> items, Consumer<List<T>> work)
            throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        int size = Math.max(1, (items.size() + shares - 1) / shares);
        for (int from = 0; from < items.size(); from += size) {
            List<T> share = items.subList(from, Math.min(from + size, items.size()));
            running.add(pool.submit(() -> work.accept(share)));
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> share : running) {
            try {
                share.get();
            } catch (ExecutionException failed) {
                failures.add(failed.getCause());
            }
        }
        return failures;
    }
}
