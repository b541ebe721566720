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
}
