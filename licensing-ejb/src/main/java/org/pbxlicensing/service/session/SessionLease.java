package org.pbxlicensing.service.session;

import java.time.Duration;
import org.pbxlicensing.domain.session.SessionId;

/** What a client holding a session needs: its id, and how long it lives without another heartbeat. */
public record SessionLease(SessionId sessionId, Duration ttl) {
}
