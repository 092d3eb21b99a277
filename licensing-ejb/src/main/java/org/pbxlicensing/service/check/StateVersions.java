package org.pbxlicensing.service.check;

/**
 * The version of everything a check reads of a registration, and the feature catalogue's: database
 * triggers raise them in the transaction of every change (V17).
 */
public record StateVersions(long registration, long catalogue) {
}
