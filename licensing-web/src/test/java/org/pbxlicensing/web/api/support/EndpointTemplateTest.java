package org.pbxlicensing.web.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EndpointTemplateTest {

    @Test
    void joinsTheApplicationClassAndMethodPaths() {
        assertEquals("/api/v1/checks", EndpointTemplate.of("v1/checks", ""));
        assertEquals("/api/v1/registrations/{registrationNumber}/bindings/{hostId}",
                EndpointTemplate.of("v1/registrations/{registrationNumber}/bindings", "{hostId}"));
        assertEquals("/api/v1/sessions/{sessionId}", EndpointTemplate.of("/v1/sessions/", "/{sessionId}"));
    }

    @Test
    void keepsOnlyTheNameOfAParameterWithARegularExpression() {
        assertEquals("/api/v1/keys/{kid}", EndpointTemplate.of("v1/keys", "{kid : [A-Za-z0-9]+}"));
    }
}
