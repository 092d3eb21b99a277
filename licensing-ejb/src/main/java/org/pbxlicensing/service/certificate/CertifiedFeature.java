package org.pbxlicensing.service.certificate;

import java.time.Instant;

/** A feature a certificate lets its host run: {@code expiresAt} is null for a perpetual license. */
public record CertifiedFeature(int number, String kind, Instant expiresAt) {
}
