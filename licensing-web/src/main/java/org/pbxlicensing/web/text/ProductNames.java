package org.pbxlicensing.web.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
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
        var faces = FacesContext.getCurrentInstance();
        String language = faces == null || faces.getViewRoot() == null
                ? "ru" : faces.getViewRoot().getLocale().getLanguage();
        return feature.nameIn(language);
    }
}
