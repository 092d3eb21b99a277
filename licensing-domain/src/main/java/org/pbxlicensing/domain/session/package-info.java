/** Sessions: seats of per-session features held by live user sessions, their heartbeats and how they ended. */
package org.pbxlicensing.domain.session;
