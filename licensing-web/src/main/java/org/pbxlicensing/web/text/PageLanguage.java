package org.pbxlicensing.web.text;

import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** The language of the page being rendered, for texts that do not come from the page's own bundle. */
public final class PageLanguage {

    private PageLanguage() {
    }

    /** The view's locale; Russian, the product's default, outside a page. */
    public static Locale current() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? RefusalTexts.RUSSIAN : faces.getViewRoot().getLocale();
    }
}
