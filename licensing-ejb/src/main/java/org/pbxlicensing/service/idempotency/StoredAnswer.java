package org.pbxlicensing.service.idempotency;

/** An answer kept for a retried write: HTTP status and JSON body. */
public record StoredAnswer(int status, String body) {
}
