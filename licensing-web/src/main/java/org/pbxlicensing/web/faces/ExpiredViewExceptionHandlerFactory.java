package org.pbxlicensing.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Puts {@link ExpiredViewExceptionHandler} in front of the exception handler Faces would use (faces-config.xml). */
public class ExpiredViewExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
    }
}
