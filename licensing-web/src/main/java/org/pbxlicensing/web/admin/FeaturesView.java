package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.catalog.FeatureDraft;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.FeatureAdmin;
import org.primefaces.model.LazyDataModel;

/** The feature catalogue: everyone sees it; admins add a feature or change one picked from the table. */
@Named
@ViewScoped
public class FeaturesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FeatureAdmin features;

    @Inject
    Staff staff;

    private Integer number;
    private String name;
    private String russianName;
    private CountingMode countingMode = CountingMode.PER_HOST;
    private int trialDays = 30;
    private int trialSeats = 1;
    private Integer releaseSilentAfterDays;

    private final LazyDataModel<Feature> catalogue = PagedQuery.of(
            () -> features.count(),
            (offset, limit) -> features.page(offset, limit),
            Feature::number);

    /** Puts a feature's values into the form, to change them. */
    public void edit(Feature feature) {
        number = feature.number();
        name = feature.name();
        russianName = feature.russianName();
        countingMode = feature.countingMode();
        trialDays = feature.trialDays();
        trialSeats = feature.trialSeats();
        releaseSilentAfterDays = feature.releaseSilentAfterDays();
    }

    public void save() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            features.save(new FeatureDraft(number == null ? 0 : number, name, countingMode, trialDays, trialSeats,
                    releaseSilentAfterDays, russianName),
                    staff.actor());
            AdminMessages.info("feature.saved");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public LazyDataModel<Feature> getCatalogue() {
        return catalogue;
    }

    public CountingMode[] getCountingModes() {
        return CountingMode.values();
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRussianName() {
        return russianName;
    }

    public void setRussianName(String russianName) {
        this.russianName = russianName;
    }

    public CountingMode getCountingMode() {
        return countingMode;
    }

    public void setCountingMode(CountingMode countingMode) {
        this.countingMode = countingMode;
    }

    public int getTrialDays() {
        return trialDays;
    }

    public void setTrialDays(int trialDays) {
        this.trialDays = trialDays;
    }

    public int getTrialSeats() {
        return trialSeats;
    }

    public void setTrialSeats(int trialSeats) {
        this.trialSeats = trialSeats;
    }

    public Integer getReleaseSilentAfterDays() {
        return releaseSilentAfterDays;
    }

    public void setReleaseSilentAfterDays(Integer releaseSilentAfterDays) {
        this.releaseSilentAfterDays = releaseSilentAfterDays;
    }
}
