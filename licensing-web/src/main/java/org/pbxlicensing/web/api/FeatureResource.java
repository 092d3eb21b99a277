package org.pbxlicensing.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.service.catalog.FeatureCatalog;

/** The feature catalogue, as PBXs and the store see it. */
@Path("v1/features")
@ApplicationScoped
public class FeatureResource {

    @Inject
    FeatureCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeatureView> features() {
        return catalog.all().stream().map(FeatureView::of).toList();
    }

    public record FeatureView(int number, String name, CountingMode countingMode, int trialDays, int trialSeats) {
        static FeatureView of(Feature feature) {
            return new FeatureView(feature.number(), feature.name(), feature.countingMode(), feature.trialDays(),
                    feature.trialSeats());
        }
    }
}
