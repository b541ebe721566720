package org.shortwave.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Named builders for test articles: {@code anArticle().in(section).publishedAt(t).build()}. */
public final class ArticleFixtures {

    private String editionCode = "en";
    private long sectionId;
    private String headline = "A test story";
    private String slug = "a-test-story";
    private ArticleStatus status = ArticleStatus.PUBLISHED;
    private Instant publishedAt = Instant.parse("2026-11-01T09:00:00Z");
    private final List<Block> body = new ArrayList<>(List.of(new Block.Paragraph(InlineHtml.sanitize("Text."))));
    private final List<Long> topics = new ArrayList<>();

    private ArticleFixtures() {
    }

    public static ArticleFixtures anArticle() {
        return new ArticleFixtures();
    }

    public ArticleFixtures in(Section section) {
        this.editionCode = section.editionCode();
        this.sectionId = section.id();
        return this;
    }

    public ArticleFixtures headline(String headline) {
        this.headline = headline;
        this.slug = Slugs.from(headline);
        return this;
    }

    /** Replaces the body with these paragraphs. */
    public ArticleFixtures body(String... paragraphs) {
        body.clear();
        for (String paragraph : paragraphs) {
            body.add(new Block.Paragraph(InlineHtml.sanitize(paragraph)));
        }
        return this;
    }

    public ArticleFixtures draft() {
        this.status = ArticleStatus.DRAFT;
        this.publishedAt = null;
        return this;
    }

    public ArticleFixtures unpublished() {
        this.status = ArticleStatus.UNPUBLISHED;
        return this;
    }

    public ArticleFixtures publishedAt(Instant publishedAt) {
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = publishedAt;
        return this;
    }

    public ArticleFixtures withTopic(Topic topic) {
        topics.add(topic.id());
        return this;
    }

    public NewArticle build() {
        return new NewArticle("test:" + UUID.randomUUID(), editionCode, sectionId, headline, slug, "A lead.",
                "TESTVILLE (Shortwave) —", body, null, List.of(), topics, status, publishedAt, null, "Shortwave");
    }
}
