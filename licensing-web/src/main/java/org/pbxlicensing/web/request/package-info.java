/**
 * What every door of the web layer knows about the request it serves: its id and the client's
 * address. The API, the pages and the filters use it; it uses none of them.
 */
package org.pbxlicensing.web.request;
