package org.shortwave.editorial;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AuditLog;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.i18n.ChineseConverter;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds and edits editions without a code change (admins only). One transaction writes the edition, an audit entry
 * and an {@code edition_changed} row of the change log, which makes every node reload its editions.
 */
@Service
public class EditionAdmin {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}");

    private final Editions editions;
    private final Messages messages;
    private final ChangeLog changes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    EditionAdmin(Editions editions, Messages messages, ChangeLog changes, AuditLog audit,
            TransactionTemplate transaction) {
        this.editions = editions;
        this.messages = messages;
        this.changes = changes;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** An edition as an admin types it; every field a string, checked by {@link #save}. */
    public record Form(String code, String locale, String name, String siteName, String direction, String timeZone,
            String copyrightHolder, String calendar, String derivedFrom, String position) {
    }

    /** Why a form was refused: the message key of the first field at fault. */
    public static final class InvalidEditionException extends Refusal {
        InvalidEditionException(String messageKey) {
            super(Kind.INVALID, null, messageKey);
        }
    }

    public int position(String code) {
        return editions.position(code);
    }

    /**
     * Creates ({@code creating}) or updates an edition. Returns it as saved.
     *
     * @throws InvalidEditionException naming the field at fault; nothing is written then
     */
    public Edition save(Account admin, Form form, boolean creating) {
        if (admin == null || !admin.admin()) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, null, "editor.not-allowed");
        }
        Edition edition = validate(form, creating);
        int position = parsePosition(form.position());
        transaction.executeWithoutResult(status -> {
            boolean inserted = editions.save(edition, position);
            changes.record(ChangeKind.EDITION_CHANGED, null, edition.code());
            audit.record(admin, inserted ? "edition.created" : "edition.changed", "edition", edition.code(),
                    edition.languageTag() + " " + edition.direction() + " " + edition.calendar());
        });
        editions.reload();
        return edition;
    }

    Edition validate(Form form, boolean creating) {
        String code = trim(form.code());
        if (!CODE.matcher(code).matches() || code.length() > 35) {
            throw new InvalidEditionException("admin.editions.invalid.code");
        }
        boolean exists = editions.find(code).isPresent();
        if (creating && exists) {
            throw new InvalidEditionException("admin.editions.invalid.code-taken");
        }
        if (!creating && !exists) {
            throw new InvalidEditionException("admin.editions.invalid.code");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(trim(form.locale())).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidEditionException("admin.editions.invalid.locale");
        }
        if (locale.getLanguage().isEmpty() || !messages.hasTexts(locale)) {
            throw new InvalidEditionException("admin.editions.invalid.locale");
        }
        String name = trim(form.name());
        String siteName = trim(form.siteName());
        String copyright = trim(form.copyrightHolder());
        if (name.isEmpty() || name.length() > 80 || siteName.isEmpty() || siteName.length() > 80
                || copyright.isEmpty() || copyright.length() > 200) {
            throw new InvalidEditionException("admin.editions.invalid.text");
        }
        String direction = trim(form.direction());
        if (!direction.equals("ltr") && !direction.equals("rtl")) {
            throw new InvalidEditionException("admin.editions.invalid.direction");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(trim(form.timeZone()));
        } catch (DateTimeException e) {
            throw new InvalidEditionException("admin.editions.invalid.time-zone");
        }
        String calendar = trim(form.calendar());
        if (!Edition.CALENDARS.contains(calendar)) {
            throw new InvalidEditionException("admin.editions.invalid.calendar");
        }
        String derivedFrom = trim(form.derivedFrom());
        if (!derivedFrom.isEmpty()) {
            // The one conversion Shortwave has: simplified to traditional Chinese.
            Edition source = editions.find(derivedFrom).orElse(null);
            if (source == null || source.code().equals(code) || source.derivedFrom() != null
                    || !ChineseConverter.isSimplified(source.locale()) || !ChineseConverter.isTraditional(locale)) {
                throw new InvalidEditionException("admin.editions.invalid.derived");
            }
        }
        parsePosition(form.position());
        boolean isDefault = !creating && editions.find(code).map(Edition::isDefault).orElse(false);
        return new Edition(code, locale, name, siteName, direction, zone, isDefault, copyright, calendar,
                derivedFrom.isEmpty() ? null : derivedFrom);
    }

    private static int parsePosition(String text) {
        try {
            int position = Integer.parseInt(trim(text));
            if (position < 0 || position > 999) {
                throw new InvalidEditionException("admin.editions.invalid.position");
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidEditionException("admin.editions.invalid.position");
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
