package org.pbxlicensing.infrastructure.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombinedReadsTest {

    private static final int THREADS = 32;
    private static final int READS_PER_THREAD = 200;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aLoneReadReadsItsOwnKey() {
        List<Set<Integer>> reads = new ArrayList<>();
        var combined = new CombinedReads<Integer, String>(keys -> {
            reads.add(keys);
            return Map.of(7, "seven");
        }, 64);

        assertEquals("seven", combined.read(7));
        assertEquals(List.of(Set.of(7)), reads);
    }

    @Test
    void aKeyTheReadDoesNotAnswerGetsNull() {
        var combined = new CombinedReads<Integer, String>(keys -> Map.of(), 64);

        assertNull(combined.read(7));
    }

    /** Each value is stamped with when its read began; every thread stamps when it asked. */
    @Test
    void concurrentReadsShareReadsThatBeganAfterEachAsked() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicInteger readsMade = new AtomicInteger();
        AtomicInteger largestRead = new AtomicInteger();
        var combined = new CombinedReads<Integer, Stamped>(keys -> {
            long began = clock.incrementAndGet();
            readsMade.incrementAndGet();
            largestRead.accumulateAndGet(keys.size(), Math::max);
            pause();
            Map<Integer, Stamped> values = new HashMap<>();
            keys.forEach(key -> values.put(key, new Stamped(key, began)));
            return values;
        }, 8);

        List<Future<Integer>> readers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int first = thread * READS_PER_THREAD;
            readers.add(threads.submit(() -> {
                for (int key = first; key < first + READS_PER_THREAD; key++) {
                    long asked = clock.incrementAndGet();
                    Stamped value = combined.read(key);
                    assertEquals(key, value.key());
                    assertTrue(value.readBegan() > asked, "a value from a read that began before the thread asked");
                }
                return READS_PER_THREAD;
            }));
        }
        int answered = 0;
        for (Future<Integer> reader : readers) {
            answered += reader.get(60, TimeUnit.SECONDS);
        }

        assertEquals(THREADS * READS_PER_THREAD, answered);
        assertTrue(readsMade.get() < answered, "every key read alone: " + readsMade.get() + " reads");
        assertTrue(largestRead.get() <= 8, "a read of " + largestRead.get() + " keys");
    }

    @Test
    void everyThreadOfAFailedReadGetsItsFailureAndTheNextReadsWork() throws Exception {
        RuntimeException databaseDown = new IllegalStateException("database down");
        var reads = new FirstReadHeld<Integer, String>(keys -> {
            if (keys.contains(1) || keys.contains(2)) {
                throw databaseDown;
            }
            return Map.of(3, "three");
        });
        var combined = new CombinedReads<>(reads, 64);

        Future<?> first = threads.submit(() -> combined.read(0));
        reads.began.await(10, TimeUnit.SECONDS);
        Future<?> second = threads.submit(() -> combined.read(1));
        Future<?> third = threads.submit(() -> combined.read(2));
        // Both most likely queue behind the first read and are read together; either way each fails.
        Thread.sleep(100);
        reads.release.countDown();

        assertNull(first.get(10, TimeUnit.SECONDS));
        assertSame(databaseDown, assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS)).getCause());
        assertSame(databaseDown, assertThrows(Exception.class, () -> third.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals("three", combined.read(3));
    }

    @Test
    void anInterruptedReaderWaitsWithoutSpinningGetsItsValueAndKeepsItsInterrupt() throws Exception {
        var reads = new FirstReadHeld<Integer, String>(keys -> Map.of(0, "zero", 1, "one"));
        var combined = new CombinedReads<>(reads, 64);
        Future<String> first = threads.submit(() -> combined.read(0));
        reads.began.await(10, TimeUnit.SECONDS);
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        CountDownLatch secondAsking = new CountDownLatch(1);
        Future<List<Object>> second = threads.submit(() -> {
            secondThread.set(Thread.currentThread());
            secondAsking.countDown();
            String value = combined.read(1);
            return List.of(value, Thread.currentThread().isInterrupted());
        });
        secondAsking.await(10, TimeUnit.SECONDS);

        // The second reader is parked behind the first read, or about to be.
        secondThread.get().interrupt();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuBefore = cpu.getThreadCpuTime(secondThread.get().getId());
        Thread.sleep(500);
        long cpuWhileWaiting = cpu.getThreadCpuTime(secondThread.get().getId()) - cpuBefore;
        reads.release.countDown();

        // A busy machine may give a spinning reader less than this, never a sleeping one more.
        assertTrue(cpuWhileWaiting < TimeUnit.MILLISECONDS.toNanos(250),
                "the interrupted reader spun: " + cpuWhileWaiting / 1_000_000 + " ms of CPU in 500 ms");

        assertEquals("zero", first.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("one", true), second.get(10, TimeUnit.SECONDS));
    }

    private record Stamped(int key, long readBegan) {
    }

    /** Reads whose first one waits until released, so that the readers asking meanwhile queue behind it. */
    private static final class FirstReadHeld<K, V> implements Function<Set<K>, Map<K, V>> {

        final CountDownLatch began = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger readsMade = new AtomicInteger();
        private final Function<Set<K>, Map<K, V>> read;

        FirstReadHeld(Function<Set<K>, Map<K, V>> read) {
            this.read = read;
        }

        @Override
        public Map<K, V> apply(Set<K> keys) {
            if (readsMade.incrementAndGet() == 1) {
                began.countDown();
                await(release);
            }
            return read.apply(keys);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
