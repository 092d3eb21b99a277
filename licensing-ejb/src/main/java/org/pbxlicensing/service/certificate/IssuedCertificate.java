package org.pbxlicensing.service.certificate;

import java.time.Instant;

/** A signed certificate with the times it states ({@code iat}, {@code exp}). */
public record IssuedCertificate(String jws, Instant issuedAt, Instant validUntil) {
}
