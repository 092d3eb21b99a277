/** Staff of the vendor: users of the admin area, their roles and password hashes. */
package org.pbxlicensing.domain.staff;
