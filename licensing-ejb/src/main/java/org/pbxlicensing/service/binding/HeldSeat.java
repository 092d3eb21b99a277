package org.pbxlicensing.service.binding;

import org.pbxlicensing.domain.binding.HostBinding;

/** One active binding of a host, with the number of seats taken of the license it holds. */
public record HeldSeat(HostBinding binding, long seatsUsed) {
}
