package org.pbxlicensing.service.portal;

import org.pbxlicensing.domain.eula.EulaVersion;

/** An agreement in force for a feature the customer is licensed for, and whether they accepted it. */
public record CurrentAgreement(EulaVersion version, boolean accepted) {
}
