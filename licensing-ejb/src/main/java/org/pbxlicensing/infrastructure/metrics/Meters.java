package org.pbxlicensing.infrastructure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's counters and timers, each taken from the registry once. WildFly's registry
 * searches all its meters on every {@code counter(…)} or {@code timer(…)} call, which every request
 * made several times over. Meters are still taken by name and tags: those are the ones WildFly exports.
 */
@ApplicationScoped
public class Meters {

    private record Key(String name, List<String> tags) {
    }

    @Inject
    MeterRegistry registry;

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    /** @param tags tag names and values, alternating */
    public Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(new Key(name, List.of(tags)), key -> registry.counter(name, tags));
    }

    /** @param tags tag names and values, alternating */
    public Timer timer(String name, String... tags) {
        return timers.computeIfAbsent(new Key(name, List.of(tags)), key -> registry.timer(name, tags));
    }
}
