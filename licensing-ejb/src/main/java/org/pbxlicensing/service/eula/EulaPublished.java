package org.pbxlicensing.service.eula;

/** A new agreement version was published (raised inside the publishing transaction). */
public record EulaPublished(int featureNumber) {
}
