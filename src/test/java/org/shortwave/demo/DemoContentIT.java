package org.shortwave.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.springframework.beans.factory.annotation.Autowired;

class DemoContentIT extends AppTestBase {

    @Autowired
    DemoContent demo;

    @Test
    void theDemoSiteIsLoadedOnStartWithEverythingTheIssueAsksFor() {
        assertThat(count("select count(*) from article where source_key like 'demo:zh-hans/%'")).isGreaterThanOrEqualTo(12);
        assertThat(count("select count(*) from article where source_key like 'demo:en/%'")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(distinct section_id) from article where source_key like 'demo:zh-hans/%'")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(distinct section_id) from article where source_key like 'demo:en/%'")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from media where kind = 'video'")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from media where kind = 'image'")).isGreaterThanOrEqualTo(18);
        assertThat(count("select count(*) from article_related")).isGreaterThan(0);
        assertThat(count("select count(*) from top_story")).isGreaterThan(0);
        assertThat(count("""
                select count(*) from article a, jsonb_array_elements(a.body) b
                where a.source_key like 'demo:%' and b->>'type' = 'quote'""")).isGreaterThan(0);
    }

    @Test
    void loadingTheDemoAgainAddsNothing() {
        long articles = count("select count(*) from article where derived_from is null");
        long media = count("select count(*) from media");
        long people = count("select count(*) from person");

        assertThat(demo.load()).isZero();

        assertThat(count("select count(*) from article where derived_from is null")).isEqualTo(articles);
        assertThat(count("select count(*) from media")).isEqualTo(media);
        assertThat(count("select count(*) from person")).isEqualTo(people);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
