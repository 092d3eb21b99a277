/** Staff of the vendor: users of the admin area, their roles, password hashes and second factor (TOTP, recovery codes). */
package org.pbxlicensing.domain.staff;
