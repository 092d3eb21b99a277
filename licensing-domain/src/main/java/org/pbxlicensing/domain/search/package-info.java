/** What staff type into the admin area's search box, read as the parts each kind of record is searched by. */
package org.pbxlicensing.domain.search;
