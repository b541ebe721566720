package org.shortwave.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.github.houbb.opencc4j.util.ZhTwConverterUtil;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The converter for the derived zh-hant edition, measured on the newsroom phrase list
 * ({@code src/test/resources/i18n/chinese-conversion.tsv}). The candidates' scores are printed (and recorded in
 * docs/editions.md); the one we ship must get every phrase right, and fold back in the other direction where the
 * list says the difference is only one of script.
 */
class ChineseConverterTest {

    /** Folded by ICU as a word only, not character by character: search does not match these across scripts. */
    private static final java.util.Set<String> SEARCH_FOLDING_GAPS = java.util.Set.of("鞦韆");

    record Phrase(String simplified, String traditional, boolean both, String kind) {
    }

    static List<Phrase> phrases() throws IOException {
        List<Phrase> phrases = new ArrayList<>();
        try (InputStream in = ChineseConverterTest.class.getResourceAsStream("/i18n/chinese-conversion.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                phrases.add(new Phrase(f[0], f[1], f[2].equals("both"), f[3]));
            }
        }
        return phrases;
    }

    static Map<String, UnaryOperator<String>> toTraditionalCandidates() {
        Transliterator icu = Transliterator.getInstance("Hans-Hant");
        Map<String, UnaryOperator<String>> candidates = new LinkedHashMap<>();
        candidates.put("ICU4J Hans-Hant", icu::transliterate);
        candidates.put("opencc4j s2t", ZhConverterUtil::toTraditional);
        candidates.put("opencc4j s2twp", ZhTwConverterUtil::toTraditional);
        candidates.put("shipped: opencc4j s2twp + house style", ChineseConverter::toTraditional);
        return candidates;
    }

    static Map<String, UnaryOperator<String>> toSimplifiedCandidates() {
        Transliterator icu = Transliterator.getInstance("Hant-Hans");
        Map<String, UnaryOperator<String>> candidates = new LinkedHashMap<>();
        candidates.put("ICU4J Hant-Hans", icu::transliterate);
        candidates.put("opencc4j t2s", ZhConverterUtil::toSimple);
        candidates.put("shipped search folding (ChineseScript)", ChineseScript::toSimplified);
        return candidates;
    }

    private static int score(UnaryOperator<String> convert, List<Phrase> phrases, boolean toTraditional) {
        int right = 0;
        for (Phrase p : phrases) {
            String expected = toTraditional ? p.traditional() : p.simplified();
            if (convert.apply(toTraditional ? p.simplified() : p.traditional()).equals(expected)) {
                right++;
            }
        }
        return right;
    }

    @Test
    void theShippedConverterGetsEveryNewsroomPhraseRight() throws IOException {
        List<Phrase> phrases = phrases();
        assertThat(phrases).hasSizeGreaterThan(60);
        for (Phrase p : phrases) {
            assertThat(ChineseConverter.toTraditional(p.simplified())).as(p.kind() + " " + p.simplified())
                    .isEqualTo(p.traditional());
        }
    }

    @Test
    void searchFoldsTraditionalBackToSimplifiedWhereOnlyTheScriptDiffers() throws IOException {
        for (Phrase p : phrases()) {
            if (p.both() && !SEARCH_FOLDING_GAPS.contains(p.traditional())) {
                assertThat(ChineseScript.toSimplified(p.traditional())).as(p.traditional()).isEqualTo(p.simplified());
            }
        }
    }

    @Test
    void phraseLevelConversionBeatsCharacterLevelOnTheList() throws IOException {
        List<Phrase> phrases = phrases();
        List<Phrase> both = phrases.stream().filter(Phrase::both).toList();
        Map<String, Integer> scores = new LinkedHashMap<>();
        toTraditionalCandidates().forEach((name, c) -> {
            scores.put(name, score(c, phrases, true));
            System.out.printf("s2t %-42s %3d/%d%n", name, scores.get(name), phrases.size());
        });
        toSimplifiedCandidates().forEach((name, c) -> System.out.printf("t2s %-42s %3d/%d%n", name,
                score(c, both, false), both.size()));
        assertThat(scores.get("opencc4j s2twp")).isGreaterThan(scores.get("ICU4J Hans-Hant"));
        assertThat(scores.get("opencc4j s2twp")).isGreaterThan(scores.get("opencc4j s2t"));
    }

    @Test
    void textWithoutChineseAndMixedTextKeepTheirLatinPartsAndMarkup() {
        assertThat(ChineseConverter.toTraditional("BBC 2026")).isEqualTo("BBC 2026");
        assertThat(ChineseConverter.toTraditional("<em>软件</em>更新 v2.1（Lin Xiaoyu）"))
                .isEqualTo("<em>軟體</em>更新 v2.1（Lin Xiaoyu）");
        assertThat(ChineseConverter.toTraditional("")).isEmpty();
        assertThat(ChineseConverter.toTraditional(null)).isNull();
    }
}
