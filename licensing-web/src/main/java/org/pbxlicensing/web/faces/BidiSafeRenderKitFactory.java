package org.pbxlicensing.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out every render kit as a {@link BidiSafeRenderKit}, so that no page of the portal or the
 * admin area shows a direction control raw, whichever component writes the value (faces-config.xml).
 */
public class BidiSafeRenderKitFactory extends RenderKitFactory {

    /** One wrapper per render kit, since Faces asks for the kit many times per request. */
    private final Map<RenderKit, RenderKit> safeKits = new ConcurrentHashMap<>();

    public BidiSafeRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : safeKits.computeIfAbsent(kit, BidiSafeRenderKit::new);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }
}
