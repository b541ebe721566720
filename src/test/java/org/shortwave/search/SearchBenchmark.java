package org.shortwave.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.shortwave.content.Article;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
import org.shortwave.content.Topic;
import org.shortwave.search.internal.ArticleDocuments;
import org.shortwave.search.internal.Fields;
import org.shortwave.search.internal.LanguageAnalyzers;
import org.shortwave.search.internal.LuceneIndex;
import org.shortwave.search.internal.QueryBuilder;
import org.shortwave.search.internal.Snippets;

/**
 * The search benchmark (bench/search-bench.sh; not a test). Generates synthetic articles from a fixed seed, indexes
 * them with the production analyzers and documents, then times a fixed query mix through the production query
 * builder: top 10 by relevance, plus the count and the snippet of the first hit, as the search page does. The
 * database re-read of each hit (PublishedArticles) is not included.
 */
public final class SearchBenchmark {

    private static final String[] ZH_WORDS = ("台风 演练 短波 电台 渔民 港口 学校 太阳能 电网 图书馆 档案 夜市 电动车 稻米 保险 "
            + "气球 气象 屋顶 菜园 冷库 农民 收音机 博物馆 山区 滑坡 救援 志愿者 城市 乡村 教育 科技 经济 价格 市场 政府 "
            + "居民 医院 铁路 公路 河流 海岸 天气 雨水 干旱 工厂 工人 学生 老师 记者").split(" ");
    private static final String[] ZH_NAMES = {"郑海川", "林晓雨", "周明远", "何静怡", "欧阳春生", "陈志刚"};
    private static final String[] ZH_GLUE = {"的", "在", "和", "说", "了", "是", "也", "对", "从", "到"};
    private static final String[] EN_WORDS = ("storm drill shortwave radio fishermen harbour school solar grid library "
            + "archive market bicycle rice insurance balloon weather rooftop garden storage farmers receiver museum "
            + "mountain landslide rescue volunteers city village education science economy prices government residents "
            + "hospital railway road river coast rain drought factory workers students teachers reporters").split(" ");
    private static final String[] EN_GLUE = {"the", "of", "and", "in", "said", "with", "for", "on", "after", "from"};

    private static final List<String[]> ZH_QUERIES = List.of(
            new String[] {"台风"}, new String[] {"短波电台"}, new String[] {"郑海川"}, new String[] {"圖書館"},
            new String[] {"渔民", "港口"}, new String[] {"太阳能电网"}, new String[] {"欧阳春生"}, new String[] {"學校"});
    private static final List<String[]> EN_QUERIES = List.of(
            new String[] {"storm"}, new String[] {"shortwave", "radio"}, new String[] {"fishermen harbour"},
            new String[] {"libraries"}, new String[] {"solar", "grid", "school"}, new String[] {"landslide rescue"});

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("shortwave-search-bench-");
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        Random random = new Random(42);
        Section zh = new Section(1, "zh-hans", "news", "新闻");
        Section en = new Section(2, "en", "news", "News");
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        try (LuceneIndex index = LuceneIndex.open(dir, analyzers)) {
            long began = System.nanoTime();
            for (int i = 1; i <= articles; i++) {
                boolean chinese = i % 2 == 0;
                Article article = article(i, chinese ? zh : en, chinese, random,
                        start.plusSeconds(i * 1800L));
                index.put(i, ArticleDocuments.of(article, chinese ? "zh" : "en"));
                if (i % 10_000 == 0) {
                    System.out.printf("indexed %,d%n", i);
                }
            }
            index.commit(articles);
            double indexSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("indexing: %,d articles in %.1f s (%.0f articles/s); index size %,d MB%n", articles,
                    indexSeconds, articles / indexSeconds, size(dir) / (1024 * 1024));
            run(index, analyzers, queries / 5, random, false); // warm-up
            run(index, analyzers, queries, random, true);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(LuceneIndex index, LanguageAnalyzers analyzers, int count, Random random, boolean report) {
        QueryBuilder builder = new QueryBuilder(analyzers);
        Snippets snippets = new Snippets(analyzers);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            boolean chinese = i % 2 == 0;
            String[] words = chinese ? ZH_QUERIES.get(i / 2 % ZH_QUERIES.size()) : EN_QUERIES.get(i / 2 % EN_QUERIES.size());
            String key = chinese ? "zh" : "en";
            String edition = chinese ? "zh-hans" : "en";
            boolean byDate = i % 5 == 0;
            boolean dated = i % 7 == 0;
            long began = System.nanoTime();
            Query query = builder.words(Arrays.asList(words), key);
            BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermQuery(new Term(Fields.EDITION, edition)), Occur.FILTER);
            if (dated) {
                filtered.add(LongPoint.newRangeQuery(Fields.PUBLISHED, Instant.parse("2022-01-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2023-01-01T00:00:00Z").toEpochMilli()), Occur.FILTER);
            }
            Query full = filtered.build();
            index.search(searcher -> {
                var top = searcher.search(full, 10, byDate ? SearchService.BY_DATE : SearchService.BY_RELEVANCE);
                searcher.count(full);
                if (top.scoreDocs.length > 0) {
                    snippets.of(query, key, text(Integer.parseInt(searcher.storedFields()
                            .document(top.scoreDocs[0].doc).get(Fields.ID)), chinese));
                }
                return top;
            });
            nanos[i] = System.nanoTime() - began;
        }
        if (report) {
            Arrays.sort(nanos);
            System.out.printf("queries: %,d (zh and en alternating; 1 in 5 by date, 1 in 7 with a date range)%n", count);
            System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", ms(nanos, 0.50), ms(nanos, 0.95),
                    ms(nanos, 0.99), nanos[count - 1] / 1e6);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static Article article(long id, Section section, boolean chinese, Random random, Instant published) {
        List<Block> body = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            body.add(new Block.Paragraph(InlineHtml.sanitize(sentence(random, chinese, 40))));
        }
        return new Article(id, section.editionCode(), section, sentence(random, chinese, 6), "a-" + id,
                sentence(random, chinese, 15), "", body, null, List.<Person>of(), List.<Topic>of(), published, null,
                "Shortwave", List.of());
    }

    /** The snippet text of a hit: regenerated, as the real service re-reads it from the database. */
    private static String text(int id, boolean chinese) {
        return sentence(new Random(id), chinese, 120);
    }

    private static String sentence(Random random, boolean chinese, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word;
            if (chinese) {
                word = random.nextInt(40) == 0 ? ZH_NAMES[random.nextInt(ZH_NAMES.length)]
                        : random.nextInt(3) == 0 ? ZH_GLUE[random.nextInt(ZH_GLUE.length)] : ZH_WORDS[random.nextInt(ZH_WORDS.length)];
                if (random.nextInt(200) == 0) {
                    word = org.shortwave.i18n.ChineseScript.toSimplified(word).equals(word) ? "圖書館" : word;
                }
                text.append(word);
                if (w % 12 == 11) {
                    text.append('。');
                }
            } else {
                word = random.nextInt(3) == 0 ? EN_GLUE[random.nextInt(EN_GLUE.length)] : EN_WORDS[random.nextInt(EN_WORDS.length)];
                text.append(word).append(w % 12 == 11 ? ". " : " ");
            }
        }
        return text.toString().strip();
    }
}
