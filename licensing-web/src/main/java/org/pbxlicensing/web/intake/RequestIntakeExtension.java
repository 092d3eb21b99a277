package org.pbxlicensing.web.intake;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts request intake in front of the application, in the I/O thread: a request is taken in only
 * within its client's share ({@link ClientShare}) and reaches a request thread only with its whole
 * body ({@link BodyIntake}), so that slow or greedy clients cannot starve the others. In the request
 * thread, before the staff login and the filters, a page's form is read and one the server cannot
 * read is refused ({@link FormIntake}).
 */
public class RequestIntakeExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        var settings = new IntakeSettings(deployment.getClassLoader(), deployment.getContextPath());
        // The share first: a request that waits for its turn holds no body, one still arriving holds a turn.
        deployment.addInitialHandlerChainWrapper(next -> new ClientShare(new BodyIntake(next, settings), settings));
        // Inside the security handlers: an error page needs the security context they set up.
        deployment.addSecurityWrapper(FormIntake::new);
    }
}
