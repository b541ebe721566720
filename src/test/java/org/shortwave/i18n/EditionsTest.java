package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ChronoLocalDate;
import java.time.chrono.HijrahDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.MinguoDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditionsTest {

    static final Edition ZH = new Edition("zh-hans", Locale.forLanguageTag("zh-Hans-CN"), "中文（简体）", "短波", "ltr",
            ZoneId.of("Asia/Shanghai"), true);
    static final Edition EN = new Edition("en", Locale.forLanguageTag("en-GB"), "English", "Shortwave", "ltr",
            ZoneId.of("Europe/London"), false);
    static final List<Edition> ALL = List.of(ZH, EN);

    @Test
    void readersGetTheEditionOfTheirFirstLanguageWeHave() {
        assertThat(Editions.bestMatch(ALL, "en-US,en;q=0.9")).contains(EN);
        assertThat(Editions.bestMatch(ALL, "zh-CN,zh;q=0.9,en;q=0.8")).contains(ZH);
        assertThat(Editions.bestMatch(ALL, "fr-FR, en;q=0.5, zh;q=0.7")).contains(ZH);
        assertThat(Editions.bestMatch(ALL, "zh-Hans")).contains(ZH);
        assertThat(Editions.bestMatch(ALL, "de, EN")).contains(EN);
    }

    @Test
    void traditionalChineseReadersAreNotSentToTheSimplifiedEdition() {
        assertThat(Editions.bestMatch(ALL, "zh-TW")).isEmpty();
        assertThat(Editions.bestMatch(ALL, "zh-Hant-HK, en;q=0.5")).contains(EN);
    }

    @Test
    void nothingMatchesWhenTheHeaderIsMissingMalformedOrRefusesEverything() {
        assertThat(Editions.bestMatch(ALL, null)).isEmpty();
        assertThat(Editions.bestMatch(ALL, "")).isEmpty();
        assertThat(Editions.bestMatch(ALL, "!!;q=x")).isEmpty();
        assertThat(Editions.bestMatch(ALL, "en;q=0")).isEmpty();
        assertThat(Editions.bestMatch(ALL, "*")).isEmpty();
    }

    @Test
    void datesAreWrittenInTheEditionsOwnFormatAndTimeZone() {
        Instant instant = Instant.parse("2023-09-14T02:00:00Z");
        assertThat(ZH.formatDate(instant)).isEqualTo("2023年9月14日");
        assertThat(EN.formatDate(instant)).isEqualTo("14 September 2023");
        // 23:30 in London on the 13th is already the 14th in Shanghai.
        Instant lateEvening = Instant.parse("2023-09-13T22:30:00Z");
        assertThat(ZH.formatDate(lateEvening)).isEqualTo("2023年9月14日");
        assertThat(EN.formatDate(lateEvening)).isEqualTo("13 September 2023");
    }

    static final Edition FA = new Edition("fa", Locale.forLanguageTag("fa-IR"), "فارسی", "شورت‌ویو", "rtl",
            ZoneId.of("Asia/Tehran"), false, "شورت‌ویو", "persian", null);
    static final Edition ZH_HANT = new Edition("zh-hant", Locale.forLanguageTag("zh-Hant-TW"), "中文（繁體）", "短波",
            "ltr", ZoneId.of("Asia/Taipei"), false, "短波", "gregorian", "zh-hans");
    static final Edition RU = new Edition("ru", Locale.forLanguageTag("ru-RU"), "Русский", "Shortwave", "ltr",
            ZoneId.of("Europe/Moscow"), false);

    @Test
    void persianDatesAreInThePersianCalendarWithTheGregorianDateBeside() {
        Instant instant = Instant.parse("2026-11-26T09:30:00Z");
        assertThat(FA.formatDate(instant)).isEqualTo("۵ آذر ۱۴۰۵");
        assertThat(FA.formatGregorianDate(instant)).isEqualTo("۲۶ نوامبر ۲۰۲۶");
        assertThat(FA.gregorian()).isFalse();
        assertThat(EN.gregorian()).isTrue();
        // The Persian new year: 20 March 2026 is 29 Esfand 1404 in Tehran, the next day 1 Farvardin 1405.
        assertThat(FA.formatDate(Instant.parse("2026-03-20T12:00:00Z"))).isEqualTo("۲۹ اسفند ۱۴۰۴");
        assertThat(FA.formatDate(Instant.parse("2026-03-21T12:00:00Z"))).isEqualTo("۱ فروردین ۱۴۰۵");
    }

    /** Each calendar the edition form offers, with java.time's own chronology as an independent check of ICU. */
    static final Map<String, Function<LocalDate, ChronoLocalDate>> CHRONOLOGIES = Map.of(
            "gregorian", date -> date,
            "persian", date -> null, // java.time has no Persian chronology; its dates are checked by hand above
            "islamic-umalqura", HijrahDate::from, // java.time's Hijrah calendar is the Umm al-Qura one
            "buddhist", ThaiBuddhistDate::from,
            "japanese", JapaneseDate::from,
            "roc", MinguoDate::from);

    @Test
    void everyCalendarTheEditionFormOffersIsTested() {
        assertThat(CHRONOLOGIES.keySet()).isEqualTo(Edition.CALENDARS);
    }

    /**
     * 26 November 2026 in each calendar, in editions of several languages: the date in the edition's calendar, and
     * the Gregorian one beside it (the article page shows it when {@code gregorian()} is false, and always in
     * {@code <time datetime>}).
     */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            gregorian        | en-GB      | 26 November 2026                 | 26 November 2026  | 2026 | 11 | 26
            gregorian        | zh-Hant-TW | 2026年11月26日                    | 2026年11月26日     | 2026 | 11 | 26
            persian          | en-GB      | 5 Azar 1405 AP                   | 26 November 2026  | 1405 | 9  | 5
            persian          | fa-IR      | ۵ آذر ۱۴۰۵                        | ۲۶ نوامبر ۲۰۲۶     | 1405 | 9  | 5
            islamic-umalqura | en-GB      | 16 Jumada II 1448 AH             | 26 November 2026  | 1448 | 6  | 16
            islamic-umalqura | fa-IR      | ۱۶ جمادی‌الثانی ۱۴۴۸ ه‍.ق.          | ۲۶ نوامبر ۲۰۲۶     | 1448 | 6  | 16
            islamic-umalqura | ru-RU      | 16 джумад-уль-ахир 1448\u202Fг. AH | 26 ноября 2026\u202Fг. | 1448 | 6  | 16
            buddhist         | en-GB      | 26 November 2569 BE              | 26 November 2026  | 2569 | 11 | 26
            buddhist         | de-DE      | 26. November 2569 BE             | 26. November 2026 | 2569 | 11 | 26
            japanese         | en-GB      | 26 November 8 Reiwa              | 26 November 2026  | 8    | 11 | 26
            japanese         | zh-Hans-CN | 令和8年11月26日                    | 2026年11月26日     | 8    | 11 | 26
            roc              | en-GB      | 26 November 115 Minguo           | 26 November 2026  | 115  | 11 | 26
            roc              | zh-Hant-TW | 民國115年11月26日                  | 2026年11月26日     | 115  | 11 | 26
            """)
    void datesAreInTheEditionsCalendarWithTheGregorianDateAvailable(String calendar, String locale, String date,
            String gregorianDate, int yearOfEra, int month, int day) {
        Edition edition = new Edition("xx", Locale.forLanguageTag(locale), "Test", "Test",
                locale.startsWith("fa") ? "rtl" : "ltr", ZoneId.of("Europe/London"), false, null, calendar, null);
        Instant instant = Instant.parse("2026-11-26T09:30:00Z");
        assertThat(edition.formatDate(instant)).isEqualTo(date);
        assertThat(edition.formatGregorianDate(instant)).isEqualTo(gregorianDate);
        assertThat(edition.gregorian()).isEqualTo(calendar.equals("gregorian"));
        ChronoLocalDate independent = CHRONOLOGIES.get(calendar).apply(LocalDate.of(2026, 11, 26));
        if (independent != null) {
            assertThat(List.of(independent.get(ChronoField.YEAR_OF_ERA), independent.get(ChronoField.MONTH_OF_YEAR),
                    independent.get(ChronoField.DAY_OF_MONTH))).isEqualTo(List.of(yearOfEra, month, day));
        }
        // The day starts at midnight in the edition's zone, whatever the calendar.
        assertThat(edition.formatDate(Instant.parse("2026-11-26T00:30:00Z"))).isEqualTo(date);
    }

    @Test
    void relativeTimesAndNumbersAreInTheEditionsLanguage() {
        Instant at = Instant.parse("2026-11-26T09:30:00Z");
        Instant threeHoursLater = at.plusSeconds(3 * 3600 + 600);
        assertThat(EN.formatRelative(at, threeHoursLater)).isEqualTo("3 hours ago");
        assertThat(ZH.formatRelative(at, threeHoursLater)).isEqualTo("3小时前");
        assertThat(ZH_HANT.formatRelative(at, threeHoursLater)).isEqualTo("3 小時前");
        assertThat(RU.formatRelative(at, threeHoursLater)).isEqualTo("3 часа назад");
        assertThat(FA.formatRelative(at, threeHoursLater)).isEqualTo("۳ ساعت پیش");
        assertThat(EN.formatRelative(at, at.plusSeconds(20))).isEqualTo("now");
        assertThat(EN.formatRelative(at, at.plusSeconds(2 * 86400))).isEqualTo("2 days ago");
        // Beyond a week, or in the future (a clock skew), the date itself.
        assertThat(EN.formatRelative(at, at.plusSeconds(8 * 86400))).isEqualTo("26 November 2026");
        assertThat(EN.formatRelative(at, at.minusSeconds(60))).isEqualTo("26 November 2026");
        assertThat(EN.formatNumber(1234567)).isEqualTo("1,234,567");
        assertThat(RU.formatNumber(1234567)).isEqualTo("1\u00a0234\u00a0567");
        assertThat(FA.formatNumber(1234567)).isEqualTo("۱٬۲۳۴٬۵۶۷");
    }

    @Test
    void languageNamesAreWrittenInTheLanguageItselfForTheSwitcher() {
        assertThat(ZH.languageName()).isEqualTo("中文（简体）");
        assertThat(ZH_HANT.languageName()).isEqualTo("中文（繁體）");
        assertThat(EN.languageName()).isEqualTo("English");
        assertThat(RU.languageName()).isEqualTo("Русский");
        assertThat(FA.languageName()).isEqualTo("فارسی");
        assertThat(FA.rightToLeft()).isTrue();
    }

    @Test
    void traditionalChineseReadersFindTheTraditionalEditionWhenThereIsOne() {
        List<Edition> all = List.of(ZH, EN, ZH_HANT, FA);
        assertThat(Editions.bestMatch(all, "zh-TW")).contains(ZH_HANT);
        assertThat(Editions.bestMatch(all, "zh-HK,zh;q=0.8")).contains(ZH_HANT);
        assertThat(Editions.bestMatch(all, "zh-CN")).contains(ZH);
        assertThat(Editions.bestMatch(all, "fa-IR,fa;q=0.9")).contains(FA);
    }
}
