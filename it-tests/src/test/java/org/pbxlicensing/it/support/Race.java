package org.pbxlicensing.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs many requests at once, released together, and collects their results. */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(int contenders, IntFunction<T> request) {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
