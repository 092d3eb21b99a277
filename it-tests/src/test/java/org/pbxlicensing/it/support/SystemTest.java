package org.pbxlicensing.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test of the running server. Arquillian boots the provisioned WildFly, with the real
 * EAR of the reactor in its deployments, once for the whole suite; tests talk HTTP to it. The SMTP
 * server it mails to runs in the test JVM ({@link MailServer}), and so does the receiver of its webhooks
 * ({@link WebhookReceiver}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ServerUnderTest.class)
@ExtendWith(MailServer.class)
@ExtendWith(WebhookReceiver.class)
public @interface SystemTest {
}
