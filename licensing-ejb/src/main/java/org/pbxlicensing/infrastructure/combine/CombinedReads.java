package org.pbxlicensing.infrastructure.combine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Reads of single keys that threads ask for at the same moment, served by one read of all of them
 * (flat combining): the first waiting thread that finds no read running reads every key waiting at
 * that moment, hands each thread its value, and wakes the next waiting thread when new keys queued
 * meanwhile. A value always comes from a read that began after its thread asked, so it is as fresh as
 * a read of its own; under load the reads grow, and their count falls, as the load rises.
 *
 * @param <K> the key read
 * @param <V> its value; a key that the read does not answer gets {@code null}
 */
public final class CombinedReads<K, V> {

    private final Function<Set<K>, Map<K, V>> readAll;
    private final int maxKeysPerRead;
    private final Queue<Waiter<K, V>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    public CombinedReads(Function<Set<K>, Map<K, V>> readAll, int maxKeysPerRead) {
        this.readAll = readAll;
        this.maxKeysPerRead = maxKeysPerRead;
    }

    /** The key's value, from a read that began after this call; whatever that read threw is thrown here too. */
    public V read(K key) {
        Waiter<K, V> waiter = new Waiter<>(key, Thread.currentThread());
        waiting.add(waiter);
        boolean interrupted = false;
        while (!waiter.done) {
            if (reading.compareAndSet(false, true)) {
                try {
                    readWaiting();
                } finally {
                    reading.set(false);
                }
                // A key queued while this thread read has a thread parked on it: let that one read next.
                Waiter<K, V> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.park(this);
                // Cleared, or every later park would return at once and the wait spin; set again on return.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return waiter.value();
    }

    private void readWaiting() {
        List<Waiter<K, V>> batch = new ArrayList<>();
        Waiter<K, V> next;
        while (batch.size() < maxKeysPerRead && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<K> keys = new LinkedHashSet<>();
        batch.forEach(waiter -> keys.add(waiter.key));
        Map<K, V> values;
        try {
            values = readAll.apply(keys);
        } catch (RuntimeException | Error failure) {
            batch.forEach(waiter -> waiter.fail(failure));
            return;
        }
        batch.forEach(waiter -> waiter.answer(values.get(waiter.key)));
    }

    private static final class Waiter<K, V> {

        final K key;
        final Thread thread;
        private V value;
        private Throwable failure;
        volatile boolean done;

        Waiter(K key, Thread thread) {
            this.key = key;
            this.thread = thread;
        }

        void answer(V value) {
            this.value = value;
            finish();
        }

        void fail(Throwable failure) {
            this.failure = failure;
            finish();
        }

        private void finish() {
            done = true;
            LockSupport.unpark(thread);
        }

        V value() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return value;
        }
    }
}
