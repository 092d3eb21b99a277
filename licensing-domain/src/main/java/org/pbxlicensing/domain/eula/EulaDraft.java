package org.pbxlicensing.domain.eula;

/** A new version of a feature's agreement as staff write it, before it is published. */
public record EulaDraft(int feature, String version, EulaText russian, EulaText english) {
}
