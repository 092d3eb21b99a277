package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.eula.EulaDraft;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.EulaAdmin;
import org.pbxlicensing.service.admin.FeatureAdmin;
import org.primefaces.model.LazyDataModel;

/**
 * A feature's agreement versions, newest first; admins write a new version in Russian and English
 * and publish it, after which every registration has to accept it again.
 */
@Named
@ViewScoped
public class EulaVersionsView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The feature picker lists the catalogue, which is a few dozen features, not a table to page. */
    private static final int PICKER_SIZE = 200;

    @Inject
    transient EulaAdmin eulas;

    @Inject
    transient FeatureAdmin features;

    @Inject
    Staff staff;

    private int feature = 33;
    private String version;
    private String titleRu;
    private String textRu;
    private String titleEn;
    private String textEn;

    private final LazyDataModel<EulaVersion> versions = PagedQuery.of(
            () -> eulas.count(feature),
            (offset, limit) -> eulas.page(feature, offset, limit),
            EulaVersion::id);

    public void publish() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            eulas.publish(new EulaDraft(feature, version == null ? null : version.strip(),
                    new EulaText(titleRu, textRu), new EulaText(titleEn, textEn)), staff.actor());
            AdminMessages.info("eula.published.done");
            version = null;
            titleRu = textRu = titleEn = textEn = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public List<Feature> getFeatures() {
        return features.page(0, PICKER_SIZE);
    }

    public LazyDataModel<EulaVersion> getVersions() {
        return versions;
    }

    public int getFeature() {
        return feature;
    }

    public void setFeature(int feature) {
        this.feature = feature;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getTitleRu() {
        return titleRu;
    }

    public void setTitleRu(String titleRu) {
        this.titleRu = titleRu;
    }

    public String getTextRu() {
        return textRu;
    }

    public void setTextRu(String textRu) {
        this.textRu = textRu;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }
}
