package org.pbxlicensing.domain.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A customer's registration: who they are, and the number that identifies them. */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = RegistrationNumberConverter.class)
    @Column(nullable = false, updatable = false)
    private RegistrationNumber number;

    @Column(nullable = false)
    private String company;

    @Column(name = "contact_person", nullable = false)
    private String contactPerson;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(name = "tax_id")
    private String taxId;

    private String country;

    private String city;

    @Column(nullable = false)
    private String language;

    @Column(name = "consent_at", nullable = false)
    private Instant consentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Registration() {
    }

    public Registration(RegistrationNumber number, RegistrationForm form, String language, Instant now) {
        this.number = number;
        this.company = form.company();
        this.contactPerson = form.contactPerson();
        this.email = normalizedEmail(form.email());
        this.phone = form.phone();
        this.taxId = form.taxId();
        this.country = form.country();
        this.city = form.city();
        this.language = language;
        this.consentAt = now;
        this.createdAt = now;
    }

    /** Emails are compared without regard to case. */
    public static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Two spellings of one company name ("ООО «Ромашка»", "ооо ромашка") give the same key. */
    public static String companyKey(String company) {
        return company.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public Long id() {
        return id;
    }

    public RegistrationNumber number() {
        return number;
    }

    public String company() {
        return company;
    }

    public String contactPerson() {
        return contactPerson;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String taxId() {
        return taxId;
    }

    public String country() {
        return country;
    }

    public String city() {
        return city;
    }

    public String language() {
        return language;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
