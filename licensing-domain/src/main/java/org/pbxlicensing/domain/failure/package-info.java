/** Refusals by business rules, with the stable codes that clients see. */
package org.pbxlicensing.domain.failure;
