package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.admin.ExportKind;

/**
 * How far each session's downloads of the exports are, for the exports page to show while the file
 * streams. Kept on the node that streams, outside the session: a session's attributes are replicated
 * at the end of a request, and the page asks while the download's request is still running. The
 * page's Ajax requests reach the same node as the download (sessions are sticky).
 */
@ApplicationScoped
public class ExportProgress {

    private static final Duration KEPT = Duration.ofHours(1);
    /** The page keeps asking this long after the last export ended, so that it shows the final count. */
    private static final Duration SHOWN_AFTER_END = Duration.ofSeconds(5);

    public enum State { RUNNING, FINISHED, FAILED }

    public record Progress(State state, long written, long expected, Instant changedAt) {
    }

    private final Map<String, Map<ExportKind, Progress>> sessions = new ConcurrentHashMap<>();

    @Inject
    ServerClock clock;

    void start(String session, ExportKind kind, long expected) {
        Instant now = clock.now();
        sessions.values().removeIf(exports -> exports.values().stream()
                .allMatch(p -> p.state() != State.RUNNING && p.changedAt().isBefore(now.minus(KEPT))));
        exports(session).put(kind, new Progress(State.RUNNING, 0, expected, now));
    }

    void written(String session, ExportKind kind, long rows) {
        exports(session).computeIfPresent(kind, (k, p) -> new Progress(State.RUNNING, rows, p.expected(), clock.now()));
    }

    void end(String session, ExportKind kind, boolean finished) {
        exports(session).computeIfPresent(kind, (k, p) ->
                new Progress(finished ? State.FINISHED : State.FAILED, p.written(), p.expected(), clock.now()));
    }

    Progress of(String session, ExportKind kind) {
        return exports(session).get(kind);
    }

    /** Whether the page has nothing to follow: no export running, none ended a moment ago. */
    boolean idle(String session) {
        Instant recent = clock.now().minus(SHOWN_AFTER_END);
        return exports(session).values().stream()
                .noneMatch(p -> p.state() == State.RUNNING || p.changedAt().isAfter(recent));
    }

    private Map<ExportKind, Progress> exports(String session) {
        return sessions.computeIfAbsent(session, s -> java.util.Collections.synchronizedMap(new EnumMap<>(ExportKind.class)));
    }
}
