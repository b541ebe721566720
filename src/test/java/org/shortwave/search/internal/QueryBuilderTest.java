package org.shortwave.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** The queries built from readers' words: never syntax, AND between words, phrases within a word. */
class QueryBuilderTest {

    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final QueryBuilder builder = new QueryBuilder(analyzers);

    @Test
    void eachEditionLanguageHasItsAnalyzer() {
        assertThat(LanguageAnalyzers.keyFor(Locale.forLanguageTag("zh-Hans-CN"))).isEqualTo("zh");
        assertThat(LanguageAnalyzers.keyFor(Locale.forLanguageTag("zh-Hant-TW"))).isEqualTo("zh");
        assertThat(LanguageAnalyzers.keyFor(Locale.forLanguageTag("en-GB"))).isEqualTo("en");
        assertThat(LanguageAnalyzers.keyFor(Locale.forLanguageTag("fa"))).isEqualTo("fa");
        assertThat(LanguageAnalyzers.keyFor(Locale.forLanguageTag("sw"))).isEqualTo(LanguageAnalyzers.STANDARD);
    }

    @Test
    void everyWordIsRequiredAndEnglishIsStemmed() {
        String query = builder.words(List.of("painters", "villages"), "en").toString();
        assertThat(query).startsWith("+(").contains("+(", "text.en:painter", "text.en:villag", "headline.en:painter");
    }

    @Test
    void aSplitChineseNameBecomesAPhraseInBothScripts() {
        String simplified = builder.words(List.of("郑海川"), "zh").toString();
        String traditional = builder.words(List.of("鄭海川"), "zh").toString();
        assertThat(simplified).contains("text.zh.cjk:\"郑海 海川\"").isEqualTo(traditional);
    }

    @Test
    void syntaxCharactersAreJustTextToTheAnalyzer() {
        Query query = builder.words(List.of("title", "OR"), "std");
        assertThat(query.toString()).doesNotContain("title:").contains("text.std:title");
    }

    @Test
    void wordsWithNothingToSearchGiveNoQuery() {
        assertThat(builder.words(List.of("the", "of"), "en")).isNull();
        assertThat(builder.words(List.of("，。"), "zh")).isNull();
    }
}
