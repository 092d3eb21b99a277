package org.pbxlicensing.service.admin;

import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.registration.Registration;

/** A LicenseV2 installation found by the start of its id, with the registration it runs under. */
public record InstallationMatch(Installation installation, Registration registration) {
}
