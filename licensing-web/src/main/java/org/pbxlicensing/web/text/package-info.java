/** Texts the API and the pages share, in Russian and English. */
package org.pbxlicensing.web.text;
