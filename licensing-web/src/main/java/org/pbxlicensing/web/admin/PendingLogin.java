package org.pbxlicensing.web.admin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A login between its two steps: the member whose password was right in this session, waiting for
 * their code. It holds no password, and lapses after a few minutes.
 */
record PendingLogin(String userName, Instant since) implements Serializable {

    private static final String ATTRIBUTE = PendingLogin.class.getName();
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    static void start(HttpSession session, String userName) {
        session.setAttribute(ATTRIBUTE, new PendingLogin(userName, Instant.now()));
    }

    static Optional<PendingLogin> of(HttpSession session) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingLogin pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(LIFETIME).isBefore(Instant.now())) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    static void end(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
