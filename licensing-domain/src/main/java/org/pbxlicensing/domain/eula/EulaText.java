package org.pbxlicensing.domain.eula;

/** The title and body of an agreement in one language. */
public record EulaText(String title, String text) {
}
