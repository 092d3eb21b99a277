package org.pbxlicensing.service.registration;

import org.pbxlicensing.domain.registration.RegistrationNumber;

/** A registration's number and id: all a check needs of it, and never changed once made. */
public record RegistrationKey(long id, RegistrationNumber number) {
}
