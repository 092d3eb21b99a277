package org.pbxlicensing.web.api.problem;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException() {
        super("request body too large");
    }
}
