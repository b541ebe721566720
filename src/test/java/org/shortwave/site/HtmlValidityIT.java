package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shortwave.AppTestBase;
import org.shortwave.NuChecker;

/**
 * Every page kind, in every shipped edition (simplified and derived traditional Chinese, English, Persian), passes the Nu HTML Checker (vnu.jar, installed by src/test/tools/prepare.sh)
 * with no errors.
 */
class HtmlValidityIT extends AppTestBase {

    private static final List<String> EDITIONS = List.of("zh-hans", "zh-hant", "en", "fa");

    @TempDir
    Path pagesDir;

    @Test
    void everyPageKindInEveryEditionIsValidHtml() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String edition : EDITIONS) {
            pages.put(edition + "-home", "/" + edition + "/");
            pages.put(edition + "-section", one("select '/' || edition_code || '/' || slug || '/s-' || id from section where edition_code = ? order by position limit 1", edition));
            pages.put(edition + "-topic", one("select '/' || edition_code || '/' || slug || '/t-' || id from topic where edition_code = ? order by id limit 1", edition));
            // The richest story (with a video where the edition has one), and a plain one.
            pages.put(edition + "-article", one("""
                    select '/' || edition_code || '/' || slug || '/a-' || id from article
                    where edition_code = ? and (source_key like 'demo:%' or derived_from is not null)
                      and status = 'published'
                    order by body @> '[{"type": "video"}]' desc, published_at desc limit 1""", edition));
            pages.put(edition + "-article-plain", one("""
                    select '/' || edition_code || '/' || slug || '/a-' || id from article
                    where edition_code = ? and (source_key like 'demo:%' or derived_from is not null)
                      and status = 'published'
                      and not body @> '[{"type": "video"}]' order by published_at limit 1""", edition));
            pages.put(edition + "-404", "/" + edition + "/no-such/a-999999999");
            pages.put(edition + "-search-empty", "/" + edition + "/search");
            pages.put(edition + "-search-results", "/" + edition + "/search?q=" + switch (edition) {
                case "en" -> "radio";
                case "fa" -> "%D8%B1%D8%A7%D8%AF%DB%8C%D9%88";
                default -> "%E7%9F%AD%E6%B3%A2";
            });
            pages.put(edition + "-search-none", "/" + edition + "/search?q=zyzzyvaquux");
            pages.put(edition + "-search-invalid", "/" + edition + "/search?q=title%3Ax");
        }

        List<Path> files = new ArrayList<>();
        for (String edition : EDITIONS) {
            var error = send(java.net.http.HttpRequest.newBuilder(uri("/" + edition + "/")).DELETE().build());
            assertThat(error.statusCode()).isEqualTo(405);
            Path file = pagesDir.resolve(edition + "-error.html");
            Files.writeString(file, error.body(), StandardCharsets.UTF_8);
            files.add(file);
        }
        for (var page : pages.entrySet()) {
            var response = get(page.getValue());
            assertThat(response.statusCode()).as(page.getValue()).isIn(200, 400, 404);
            Path file = pagesDir.resolve(page.getKey() + ".html");
            Files.writeString(file, response.body(), StandardCharsets.UTF_8);
            files.add(file);
        }

        String report = NuChecker.errors(files);
        assertThat(report).as("Nu HTML Checker report").doesNotContain("\"type\":\"error\"");
        assertThat(report).as("the checker ran").contains("\"messages\"");
    }

    private String one(String sql, String edition) {
        return jdbc.sql(sql).param(edition).query(String.class).single();
    }

}
