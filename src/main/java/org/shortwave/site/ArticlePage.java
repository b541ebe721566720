package org.shortwave.site;

import java.util.List;
import java.util.Map;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.Block;
import org.shortwave.content.Person;
import org.shortwave.i18n.Edition;
import org.shortwave.media.MediaItem;

/**
 * Everything the article template needs; {@code beaconScript} is the URL of the page-view beacon's script.
 *
 * @param versions the story's other language versions the public may see
 * @param derived whether the story was converted automatically from another edition's
 */
public record ArticlePage(Chrome chrome, Article article, Map<Long, MediaItem> media, List<TeaserBlock> teasers,
        PageHead head, String beaconScript, List<Version> versions, boolean derived) {

    /** One other language version of the story: its edition (for the language name and direction) and address. */
    public record Version(Edition edition, String path, String headline) {
    }

    public ArticlePage withHead(PageHead head) {
        return new ArticlePage(chrome, article, media, teasers, head, beaconScript, versions, derived);
    }

    /** The page without the page-view beacon (a static copy has nobody to count its views). */
    public ArticlePage withoutBeacon() {
        return new ArticlePage(chrome, article, media, teasers, head, null, versions, derived);
    }

    /**
     * The byline's words before and after the names ({@code By }, {@code 撰文：}...), so that each name can be
     * isolated for bidirectional text (a Latin name inside Persian).
     */
    public List<String> bylineAround() {
        String[] parts = chrome.t("article.byline", "\u0000").split("\u0000", -1);
        return List.of(parts[0], parts.length > 1 ? parts[1] : "");
    }

    public MediaItem mainImage() {
        return article.mainImageId() == null ? null : media.get(article.mainImageId());
    }

    public MediaItem image(ArticleTeaser teaser) {
        return teaser.imageId() == null ? null : media.get(teaser.imageId());
    }

    public MediaItem media(long id) {
        return media.get(id);
    }

    /** Index of the body's first paragraph, which opens with the dateline; -1 if there is none. */
    public int firstParagraph() {
        for (int i = 0; i < article.body().size(); i++) {
            if (article.body().get(i) instanceof Block.Paragraph) {
                return i;
            }
        }
        return -1;
    }

    /** The authors' names, joined as the language lists names ({@code 林晓雨、周明}, {@code Anna Berg, Tomás Reyes}). */
    public String authorNames() {
        return article.authors().stream().map(Person::name)
                .collect(java.util.stream.Collectors.joining(chrome.t("list.separator")));
    }

    /**
     * The year of the copyright notice: the (Gregorian, as copyright law counts) year the story was published, in
     * the edition's time zone.
     */
    public String copyrightYear() {
        return String.valueOf(chrome.edition().year(article.publishedAt()));
    }

    /** The anchor the skip link before teaser block {@code index} points to: the next block, or the footer. */
    public String skipTarget(int index) {
        return index + 1 < teasers.size() ? teasers.get(index + 1).id() : "footer";
    }
}
