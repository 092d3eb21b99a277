package org.pbxlicensing.web.intake;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts request intake in front of the application, in the I/O thread: a request reaches a request
 * thread only with its whole body ({@link BodyIntake}) and within its client's share of the threads
 * ({@link ClientShare}), so that slow or greedy clients cannot starve the others.
 */
public class RequestIntakeExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        var settings = new IntakeSettings(deployment.getClassLoader());
        deployment.addInitialHandlerChainWrapper(next -> new BodyIntake(new ClientShare(next, settings), settings));
    }
}
