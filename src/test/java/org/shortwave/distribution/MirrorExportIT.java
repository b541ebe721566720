package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/** The static mirror: complete, relative, visible stories only, and a re-run writes only what changed. */
class MirrorExportIT extends AppTestBase {

    @Autowired
    MirrorExport export;
    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    @TempDir
    Path out;

    @Test
    void theMirrorHoldsEveryVisiblePageWithLinksThatStayInside() throws Exception {
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "mirror-tests", "Mirror tests", 93)).orElseThrow();
        long visible = store.create(anArticle().in(section).headline("Mirror visible").publishedAt(NOW.minus(Duration.ofDays(200))).build());
        long draft = store.create(anArticle().in(section).headline("Mirror draft").draft().build());
        long unpublished = store.create(anArticle().in(section).headline("Mirror withdrawn").unpublished().build());
        long future = store.create(anArticle().in(section).headline("Mirror scheduled").publishedAt(NOW.plusSeconds(60)).build());

        MirrorReport first = export.export(out, null);
        assertThat(first.editions()).containsExactly("zh-hans", "en", "zh-hant", "fa");
        assertThat(first.written()).isPositive();
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("zh-hans/index.html")).exists();
        assertThat(out.resolve("en/feed.rss")).exists();
        assertThat(out.resolve(section.path().substring(1) + "/feed.atom")).exists();
        assertThat(out.resolve(MirrorLinks.fileOf(referenceArticlePath("zh-hans")))).exists();
        assertThat(out.resolve("en/mirror-visible/a-" + visible + "/index.html")).exists();
        for (long hidden : List.of(draft, unpublished, future)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith("/a-" + hidden + "/index.html"));
            }
        }
        String allText = readAll();
        assertThat(allText).doesNotContain("Mirror draft", "Mirror withdrawn", "Mirror scheduled");

        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document page = Jsoup.parse(file.toFile(), "UTF-8");
                for (Element element : page.select("a[href], img[src], source[src], track[src], video[poster], link[rel=stylesheet], link[type]")) {
                    String link = element.hasAttr("src") ? element.attr("src")
                            : element.hasAttr("poster") ? element.attr("poster") : element.attr("href");
                    if (link.startsWith("#")) {
                        continue;
                    }
                    if (!element.parents().select(".story-body").isEmpty() && link.contains("://")) {
                        // A source the story cites on another site stays as the editor wrote it; never our origin.
                        assertThat(link).doesNotStartWith("http://localhost:8080");
                        continue;
                    }
                    assertThat(link).as(file + ": " + element).doesNotStartWith("/").doesNotContain("://");
                    String target = link.replaceFirst("#.*$", "");
                    assertThat(file.getParent().resolve(target).normalize()).as(file + ": " + element).exists();
                }
            }
        }

        MirrorReport again = export.export(out, null);
        assertThat(again.written()).isZero();
        assertThat(again.removed()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.written() + first.unchanged());

        jdbc.sql("update article set status = 'unpublished' where id = ?").param(visible).update();
        MirrorReport afterUnpublish = export.export(out, "en");
        assertThat(afterUnpublish.removed()).isEqualTo(1);
        assertThat(afterUnpublish.written()).isPositive();
        assertThat(out.resolve("en/mirror-visible/a-" + visible + "/index.html")).doesNotExist();
        assertThat(out.resolve("zh-hans/index.html")).as("other editions are kept").exists();
        assertThat(readAll()).doesNotContain("Mirror visible");
    }

    private String readAll() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|rss|atom|json)$")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
