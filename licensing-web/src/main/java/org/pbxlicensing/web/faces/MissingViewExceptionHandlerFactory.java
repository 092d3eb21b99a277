package org.pbxlicensing.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Puts {@link MissingViewExceptionHandler} in front of the exception handler Faces would use (faces-config.xml). */
public class MissingViewExceptionHandlerFactory extends ExceptionHandlerFactory {

    public MissingViewExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new MissingViewExceptionHandler(getWrapped().getExceptionHandler());
    }
}
