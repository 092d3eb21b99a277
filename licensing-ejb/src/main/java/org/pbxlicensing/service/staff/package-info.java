/** Staff users of the admin area: login with throttling, the first admin, user management. */
package org.pbxlicensing.service.staff;
