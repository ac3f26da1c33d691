package dev.salesplatform.customersuccess.domain;

import java.util.Locale;
import java.util.Set;

/**
 * How a won deal finds the customer it belongs to: the same company name (ignoring case and
 * whitespace) or the same company e-mail domain. Free-mail domains say nothing about the company,
 * so they are never a customer's domain.
 */
public final class CompanyMatch {

    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "proton.me", "protonmail.com", "mail.com", "web.de", "t-online.de", "yandex.com", "zoho.com");
    /** Providers with a domain per country (gmx.de, gmx.net, yahoo.co.uk, ...). */
    private static final Set<String> FREE_MAIL_PREFIXES = Set.of("gmx", "yahoo", "hotmail", "outlook", "yandex");

    private CompanyMatch() {
    }

    /** The comparable form of a company name: lower case, single spaces, trimmed; null for none. */
    public static String key(String companyName) {
        if (companyName == null || companyName.isBlank()) {
            return null;
        }
        return companyName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The company domain of an e-mail address, or null for none, an invalid address or free mail. */
    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return null;
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (!domain.contains(".") || isFreeMail(domain)) {
            return null;
        }
        return domain;
    }

    public static boolean isFreeMail(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return FREE_MAIL.contains(lower) || FREE_MAIL_PREFIXES.contains(lower.substring(0, lower.indexOf('.')));
    }
}
