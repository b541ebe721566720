package org.shortwave.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language site of the service: its URL code ({@code zh-hans}), locale, own name, text direction, time zone,
 * copyright holder, the calendar its dates are shown in, and the edition it is derived from by script conversion
 * (null for an edition written by its own newsroom). Edited by admins at {@code /admin/editions}.
 *
 * <p>Dates, numbers and relative times come from ICU in the edition's locale and calendar; the Gregorian date stays
 * available ({@link #formatGregorianDate}) for {@code <time datetime>} companions and titles.
 */
public record Edition(String code, Locale locale, String name, String siteName, String direction, ZoneId timeZone,
        boolean isDefault, String copyrightHolder, String calendar, String derivedFrom) {

    /** The calendars an edition can show its dates in (ICU's keyword values; the database checks the same). */
    public static final Set<String> CALENDARS =
            Set.of("gregorian", "persian", "islamic-umalqura", "buddhist", "japanese", "roc");

    /**
     * Date formats made once per locale, calendar, zone and style, and cloned for each use (ICU's are not
     * thread-safe, and making one is far slower than cloning it: pages show a date per teaser).
     */
    private static final Map<String, DateFormat> DATE_FORMATS = new ConcurrentHashMap<>();
    private static final Map<Locale, String> LANGUAGE_NAMES = new ConcurrentHashMap<>();
    /**
     * Dates already written, by format and time: a page shows a date per teaser, the same ones on every page of an
     * edition, and even a cloned ICU format took a few per cent of a render. Emptied when full.
     */
    private static final Map<Formatted, String> FORMATTED = new ConcurrentHashMap<>();
    private static final int FORMATTED_KEPT = 50_000;

    private record Formatted(String format, long millis) {
    }

    public Edition {
        calendar = calendar == null ? "gregorian" : calendar;
        copyrightHolder = copyrightHolder == null ? siteName : copyrightHolder;
    }

    /** An edition with the Gregorian calendar, its site's name as copyright holder, not derived. */
    public Edition(String code, Locale locale, String name, String siteName, String direction, ZoneId timeZone,
            boolean isDefault) {
        this(code, locale, name, siteName, direction, timeZone, isDefault, siteName, "gregorian", null);
    }

    /** The language tag for the {@code lang} attribute, e.g. {@code zh-Hans}, {@code en-GB}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public boolean rightToLeft() {
        return "rtl".equals(direction);
    }

    public boolean gregorian() {
        return "gregorian".equals(calendar);
    }

    /** The publication date in the edition's own format, calendar and time zone: {@code 2023年9月14日}. */
    public String formatDate(Instant instant) {
        return format(calendar, DateFormat.LONG, DateFormat.NONE, instant);
    }

    /** The date with time, for the update line and notes. */
    public String formatDateTime(Instant instant) {
        return format(calendar, DateFormat.LONG, DateFormat.SHORT, instant);
    }

    /** The date in the Gregorian calendar, in the edition's language: the companion of a Persian date. */
    public String formatGregorianDate(Instant instant) {
        return format("gregorian", DateFormat.LONG, DateFormat.NONE, instant);
    }

    /** How long ago, in words ({@code 3 hours ago}, {@code 3小时前}); the date itself beyond a week. */
    public String formatRelative(Instant instant, Instant now) {
        Duration ago = Duration.between(instant, now);
        if (ago.isNegative() || ago.toDays() >= 7) {
            return formatDate(instant);
        }
        RelativeDateTimeFormatter relative = RelativeDateTimeFormatter.getInstance(uLocale(calendar));
        if (ago.toMinutes() < 1) {
            return relative.format(RelativeDateTimeFormatter.Direction.PLAIN, RelativeDateTimeFormatter.AbsoluteUnit.NOW);
        }
        if (ago.toHours() < 1) {
            return relative.format(ago.toMinutes(), RelativeDateTimeFormatter.Direction.LAST,
                    RelativeDateTimeFormatter.RelativeUnit.MINUTES);
        }
        if (ago.toDays() < 1) {
            return relative.format(ago.toHours(), RelativeDateTimeFormatter.Direction.LAST,
                    RelativeDateTimeFormatter.RelativeUnit.HOURS);
        }
        return relative.format(ago.toDays(), RelativeDateTimeFormatter.Direction.LAST,
                RelativeDateTimeFormatter.RelativeUnit.DAYS);
    }

    /** A number in the edition's own digits and grouping ({@code 12,345}, {@code ۱۲٬۳۴۵}). */
    public String formatNumber(long number) {
        return NumberFormat.getInstance(uLocale(calendar)).format(number);
    }

    /** The year (Gregorian) in the edition's time zone. */
    public int year(Instant instant) {
        return instant.atZone(timeZone).getYear();
    }

    /**
     * The language's name in itself, as a menu shows it ({@code 中文（繁體）}, {@code فارسی}, {@code Русский}):
     * language and script only, since readers choose a language, not a country.
     */
    public String languageName() {
        return LANGUAGE_NAMES.computeIfAbsent(locale, Edition::nameInItself);
    }

    private static String nameInItself(Locale locale) {
        ULocale language = new ULocale.Builder().setLanguage(locale.getLanguage()).setScript(locale.getScript())
                .build();
        return LocaleDisplayNames.getInstance(language, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU)
                .localeDisplayName(language);
    }

    public String homePath() {
        return "/" + code + "/";
    }

    private ULocale uLocale(String calendarName) {
        return ULocale.forLocale(locale).setKeywordValue("calendar", calendarName);
    }

    private Calendar calendar(String calendarName) {
        return Calendar.getInstance(TimeZone.getTimeZone(timeZone.getId()), uLocale(calendarName));
    }

    private String format(String calendarName, int dateStyle, int timeStyle, Instant instant) {
        String key = locale.toLanguageTag() + " " + calendarName + " " + timeZone.getId() + " " + dateStyle + " "
                + timeStyle;
        Formatted formatted = new Formatted(key, instant.toEpochMilli());
        String text = FORMATTED.get(formatted);
        if (text == null) {
            DateFormat format = (DateFormat) DATE_FORMATS.computeIfAbsent(key, k -> timeStyle == DateFormat.NONE
                    ? DateFormat.getDateInstance(calendar(calendarName), dateStyle, uLocale(calendarName))
                    : DateFormat.getDateTimeInstance(calendar(calendarName), dateStyle, timeStyle,
                            uLocale(calendarName))).clone();
            text = format.format(new Date(formatted.millis()));
            if (FORMATTED.size() >= FORMATTED_KEPT) {
                FORMATTED.clear();
            }
            FORMATTED.put(formatted, text);
        }
        return text;
    }
}
