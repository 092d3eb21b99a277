package org.pbxlicensing.domain.eula;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One published version of a feature's agreement, in Russian and English. A version is never
 * changed: a new text is a new version. It is in force from {@link #publishedAt()} on, until a
 * newer one is published.
 */
@Entity
@Table(name = "eula_version")
public class EulaVersion {

    private static final Comparator<EulaVersion> OLDEST_FIRST = Comparator.comparing(EulaVersion::publishedAt)
            .thenComparing(EulaVersion::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "feature_number", nullable = false, updatable = false)
    private int featureNumber;

    @Column(nullable = false, updatable = false)
    private String version;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(name = "title_ru", nullable = false, updatable = false)
    private String titleRu;

    @Column(name = "text_ru", nullable = false, updatable = false)
    private String textRu;

    @Column(name = "title_en", nullable = false, updatable = false)
    private String titleEn;

    @Column(name = "text_en", nullable = false, updatable = false)
    private String textEn;

    protected EulaVersion() {
    }

    public EulaVersion(EulaDraft draft, Instant publishedAt) {
        this.featureNumber = draft.feature();
        this.version = draft.version();
        this.publishedAt = publishedAt;
        this.titleRu = draft.russian().title();
        this.textRu = draft.russian().text();
        this.titleEn = draft.english().title();
        this.textEn = draft.english().text();
    }

    /** The version in force at {@code now}: the newest of those already published. */
    public static Optional<EulaVersion> current(List<EulaVersion> versions, Instant now) {
        return versions.stream().filter(v -> v.isPublishedAt(now)).max(OLDEST_FIRST);
    }

    public boolean isPublishedAt(Instant now) {
        return !publishedAt.isAfter(now);
    }

    /** The text in the language, {@code "en"} or else Russian. */
    public EulaText text(String language) {
        return "en".equals(language) ? new EulaText(titleEn, textEn) : new EulaText(titleRu, textRu);
    }

    public Long id() {
        return id;
    }

    public int featureNumber() {
        return featureNumber;
    }

    public String version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
