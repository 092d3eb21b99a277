/** Rules for text that comes from outside and is shown to people: what may not be in it. */
package org.pbxlicensing.domain.text;
