/** The admin area: staff login and the pages of the vendor staff, each checking roles on the server. */
package org.pbxlicensing.web.admin;
