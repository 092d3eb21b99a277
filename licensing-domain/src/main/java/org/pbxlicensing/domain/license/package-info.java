/** Licenses: trials, perpetual and term licenses of a registration, with their seats and dates. */
package org.pbxlicensing.domain.license;
