package org.pbxlicensing.service.check;

import org.pbxlicensing.domain.license.License;

/** A license a host is bound to, with how many of its seats are taken. */
public record HostLicense(License license, long seatsUsed) {
}
