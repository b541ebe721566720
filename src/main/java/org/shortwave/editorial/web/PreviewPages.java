package org.shortwave.editorial.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.Block;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.platform.Refusal;
import org.shortwave.site.ArticlePage;
import org.shortwave.site.PageHead;
import org.shortwave.site.SitePages;
import org.springframework.stereotype.Component;

/**
 * The public article page made from content that is not (or not yet) public: the text on screen, or one revision.
 * It is rendered by the public template, as readers would see it, but never stored, never cached, never counted
 * (no beacon) and never indexed ({@code noindex}). Its references are checked as a save would check them, so a
 * preview shows nothing that the same user could not put in a saved story.
 */
@Component
class PreviewPages {

    private final Taxonomy taxonomy;
    private final SitePages sitePages;
    private final MediaLibrary media;
    private final TemplateEngine templates;
    private final Clock clock;

    PreviewPages(Taxonomy taxonomy, SitePages sitePages, MediaLibrary media, TemplateEngine templates, Clock clock) {
        this.taxonomy = taxonomy;
        this.sitePages = sitePages;
        this.media = media;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The public page's HTML for {@code content} as article {@code id} (0 for a new one): published at
     * {@code publishedAt}, or now for a story never published.
     */
    String render(Edition edition, long id, ArticleContent content, Instant publishedAt, List<ArticleNote> notes) {
        Section section = taxonomy.section(content.editionCode(), content.sectionId())
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNKNOWN_REFERENCE, "section", "preview.invalid"));
        checkMedia(content);
        Instant when = publishedAt != null ? publishedAt : clock.instant();
        Article article = new Article(id, content.editionCode(), section, content.headline(), content.slug(),
                content.lead(), content.dateline(), content.body(), content.mainImageId(),
                content.authorIds().stream().map(taxonomy::person).flatMap(Optional::stream).toList(),
                content.topicIds().stream().map(t -> taxonomy.topic(content.editionCode(), t))
                        .flatMap(Optional::stream).toList(),
                when, when, content.copyrightHolder(), notes);
        ArticlePage page = sitePages.article(edition, article).withoutBeacon();
        List<PageHead.Meta> metas = new ArrayList<>(page.head().metas());
        metas.addFirst(new PageHead.Meta(null, "robots", "noindex, nofollow"));
        page = page.withHead(new PageHead(page.head().links(), metas, page.head().jsonLd()));
        StringOutput html = new StringOutput();
        templates.render("site/article.jte", Map.of("page", page), html);
        return html.toString();
    }

    /**
     * Every media id names a stored item of the right kind. (Who may use which item is the reference rule of issue
     * 15; until it lands, existence and kind are checked here, the same as the public page needs.)
     */
    private void checkMedia(ArticleContent content) {
        if (content.mainImageId() != null) {
            require(content.mainImageId(), "image", "mainImage");
        }
        List<Block> body = content.body();
        for (int i = 0; i < body.size(); i++) {
            switch (body.get(i)) {
                case Block.Image image -> require(image.mediaId(), "image", "body[" + i + "].media");
                case Block.Video video -> require(video.mediaId(), "video", "body[" + i + "].media");
                default -> { }
            }
        }
    }

    private void require(long id, String kind, String field) {
        Optional<MediaItem> item = media.find(id);
        if (item.isEmpty() || !kind.equals(item.get().kind())) {
            throw new Refusal(Refusal.Kind.UNKNOWN_REFERENCE, field, "preview.invalid");
        }
    }
}
