package org.pbxlicensing.domain.registration;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which registrations a login link to one mailbox opens: those of that email, and those of the same
 * company registered with another address at the same mail domain. A company name alone proves nothing,
 * since anyone may type any name into the form; a mailbox at the company's own domain does. At a public
 * mail service a domain is shared by strangers, so there only the email's own registrations count.
 */
public final class CompanyMailboxes {

    /** Domains whose mailboxes anyone can open: sharing one says nothing about a company. */
    static final Set<String> PUBLIC_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
            "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de",
            "gmx.net", "web.de", "mail.com", "zoho.com", "yandex.ru", "yandex.com", "yandex.by", "yandex.kz",
            "yandex.ua", "ya.ru", "mail.ru", "bk.ru", "list.ru", "inbox.ru", "internet.ru", "rambler.ru",
            "lenta.ru", "autorambler.ru", "ro.ru", "ukr.net", "i.ua", "tut.by", "qip.ru");

    private final String email;
    private final Set<String> companyKeys;

    private CompanyMailboxes(String email, Set<String> companyKeys) {
        this.email = email;
        this.companyKeys = companyKeys;
    }

    /** The company (or companies) of the registrations of {@code email}. */
    public static CompanyMailboxes of(String email, Collection<Registration> ownRegistrations) {
        return new CompanyMailboxes(Registration.normalizedEmail(email), ownRegistrations.stream()
                .map(registration -> Registration.companyKey(registration.company()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The domain whose other mailboxes may hold registrations of the same company, if any may. */
    public static Optional<String> companyDomain(String email) {
        String normalized = Registration.normalizedEmail(email);
        int at = normalized.lastIndexOf('@');
        if (at < 0 || at == normalized.length() - 1) {
            return Optional.empty();
        }
        String domain = normalized.substring(at + 1);
        return PUBLIC_DOMAINS.contains(domain) ? Optional.empty() : Optional.of(domain);
    }

    public boolean opens(Registration registration) {
        if (registration.email().equals(email)) {
            return true;
        }
        Optional<String> domain = companyDomain(email);
        return domain.isPresent() && domain.equals(companyDomain(registration.email()))
                && companyKeys.contains(Registration.companyKey(registration.company()));
    }
}
