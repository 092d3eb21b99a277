package org.pbxlicensing.web.api.registration;

import org.pbxlicensing.service.registration.RegistrationService;
import org.pbxlicensing.web.api.support.LicenseView;

/** The answer to a registration: the number and its trial license. */
public record RegistrationAnswer(String registrationNumber, LicenseView license) {

    static RegistrationAnswer of(RegistrationService.Receipt receipt) {
        return new RegistrationAnswer(receipt.number().value(), LicenseView.of(receipt.trial()));
    }
}
