package org.pbxlicensing.web.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.pbxlicensing.domain.catalog.Feature;

/** A product's name in the page's language, as the catalogue holds it: {@code #{productNames.of(feature)}}. */
@Named
@ApplicationScoped
public class ProductNames {

    public String of(Feature feature) {
        if (feature == null) {
            return "";
        }
        return feature.nameIn(PageLanguage.current().getLanguage());
    }
}
