package org.shortwave.search.internal;

import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * One analyzer per language, and the index fields they serve. Text fields are named by language
 * ({@code headline.en}, {@code text.zh}), so that each language keeps its own stemming and stop words in one index.
 *
 * <p>Chinese text gets two fields: SmartChinese words (good ranking) and CJK bigrams ({@code .cjk}, substring-exact),
 * because the segmenter cuts an unknown name differently in a sentence than on its own (周明远在 becomes 周/明/远在):
 * a phrase of bigrams still finds the name. Both fold traditional to simplified first.
 */
public final class LanguageAnalyzers {

    /** Languages without an analyzer of their own use this key, with Lucene's StandardAnalyzer. */
    public static final String STANDARD = "std";
    public static final String CHINESE = "zh";

    private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", EnglishAnalyzer::new), Map.entry("de", GermanAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new), Map.entry("es", SpanishAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new), Map.entry("it", ItalianAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new), Map.entry("fa", PersianAnalyzer::new),
            Map.entry("ar", ArabicAnalyzer::new), Map.entry("hi", HindiAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new), Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new));

    private final Analyzer perField;

    public LanguageAnalyzers() {
        Map<String, Analyzer> fields = new java.util.HashMap<>();
        BY_LANGUAGE.forEach((language, analyzer) -> addFields(fields, language, analyzer.get()));
        addFields(fields, STANDARD, new StandardAnalyzer());
        addFields(fields, CHINESE, simplifiedFirst(new SmartChineseAnalyzer()));
        Analyzer bigrams = simplifiedFirst(new CJKAnalyzer());
        fields.put(Fields.HEADLINE + "." + CHINESE + Fields.BIGRAM_SUFFIX, bigrams);
        fields.put(Fields.TEXT + "." + CHINESE + Fields.BIGRAM_SUFFIX, bigrams);
        this.perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
    }

    /** The analyzer key for a locale: its language if we have an analyzer for it, else {@link #STANDARD}. */
    public static String keyFor(Locale locale) {
        String language = locale.getLanguage();
        if (language.equals(CHINESE)) {
            return CHINESE;
        }
        return BY_LANGUAGE.containsKey(language) ? language : STANDARD;
    }

    /** The analyzer that picks the right one by field name: for the IndexWriter, queries and highlighting. */
    public Analyzer perField() {
        return perField;
    }

    private static void addFields(Map<String, Analyzer> fields, String key, Analyzer analyzer) {
        fields.put(Fields.HEADLINE + "." + key, analyzer);
        fields.put(Fields.TEXT + "." + key, analyzer);
    }

    private static Analyzer simplifiedFirst(Analyzer chinese) {
        return new AnalyzerWrapper(chinese.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return chinese;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new SimplifiedChineseCharFilter(reader);
            }

            @Override
            protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
                return new SimplifiedChineseCharFilter(reader);
            }
        };
    }
}
