/**
 * Mails the server sends (welcome, forgotten registration numbers), kept in an outbox written in
 * the transaction of the change they report, and the rules for retrying them.
 */
package org.pbxlicensing.domain.mail;
