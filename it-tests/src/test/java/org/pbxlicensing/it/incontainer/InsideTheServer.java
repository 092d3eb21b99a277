package org.pbxlicensing.it.incontainer;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Tests that call services of the deployed EAR directly run inside the server, in a small probe
 * deployment that sees the EAR's classes and looks its beans up by their global JNDI names.
 */
public final class InsideTheServer {

    private InsideTheServer() {
    }

    public static WebArchive probe(String name, Class<?>... testClasses) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(testClasses)
                .addClass(InsideTheServer.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\n"
                        + "Dependencies: deployment.licensing.ear, deployment.licensing.ear.licensing-ejb.jar\n"));
    }

    public static <T> T bean(Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(
                    "java:global/licensing/licensing-ejb/" + type.getSimpleName() + "!" + type.getName()));
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
