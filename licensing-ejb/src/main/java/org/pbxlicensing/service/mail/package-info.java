/**
 * Mails: an outbox written in the transaction of the change a mail reports, and its delivery after
 * commit (at once, and by a timer for retries) through the server's mail session.
 */
package org.pbxlicensing.service.mail;
