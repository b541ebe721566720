package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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
