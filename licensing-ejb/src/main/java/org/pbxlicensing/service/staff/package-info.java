/** Staff users of the admin area: login with throttling and a second factor, the first admin, user management, own accounts. */
package org.pbxlicensing.service.staff;
