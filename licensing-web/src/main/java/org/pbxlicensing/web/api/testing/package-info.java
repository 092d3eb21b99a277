/** Doors for system tests only, that exist only where {@code licensing.test.clock-control} is on. */
package org.pbxlicensing.web.api.testing;
