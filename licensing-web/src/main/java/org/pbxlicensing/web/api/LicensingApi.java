package org.pbxlicensing.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API that PBXs, the online store and scripts call, under {@code /api}. */
@ApplicationPath("/api")
public class LicensingApi extends Application {
}
