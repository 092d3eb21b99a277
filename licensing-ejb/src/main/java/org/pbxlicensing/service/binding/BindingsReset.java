package org.pbxlicensing.service.binding;

/** Fired in the transaction of a reset: every binding of the host under the registration was released. */
public record BindingsReset(Long registrationId, String hostId) {
}
