/** What the admin area calls: read models and staff actions, each method guarded by staff roles. */
package org.pbxlicensing.service.admin;
