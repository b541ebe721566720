package org.shortwave.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.shortwave.analytics.MostRead;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.content.Translations;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Edition;
import org.shortwave.media.MediaLibrary;
import org.shortwave.search.RelatedContent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the public pages from published content only (everything goes through {@link PublishedArticles}).
 * Each page is read in one read-only transaction: one connection and one BEGIN/COMMIT for its dozen queries,
 * instead of one per query.
 */
@Service
@Transactional(readOnly = true)
public class SitePages {

    static final int MORE_STORIES = 6;
    static final int HOME_PER_SECTION = 4;
    static final int LISTING_SIZE = 30;
    /** Related content: the editor's picks, then suggestions, this many in all. */
    static final int RELATED = 5;
    /** Top stories: the editor's pinned stories, then the most read of the last 24 hours, this many in all. */
    static final int TOP_STORIES = 6;

    private final PublishedArticles articles;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final SiteChrome chrome;
    private final PageHeads heads;
    private final RelatedContent relatedContent;
    private final MostRead mostRead;
    private final Translations translations;
    private final Editions editions;

    SitePages(PublishedArticles articles, Taxonomy taxonomy, MediaLibrary media, SiteChrome chrome, PageHeads heads,
            RelatedContent relatedContent, MostRead mostRead, Translations translations, Editions editions) {
        this.translations = translations;
        this.editions = editions;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.media = media;
        this.chrome = chrome;
        this.heads = heads;
        this.relatedContent = relatedContent;
        this.mostRead = mostRead;
    }

    /**
     * The article page. After the story come three teaser blocks: the editor's related stories, the edition's top
     * stories, and more of the latest; a story appears once on the page at most.
     */
    public ArticlePage article(Edition edition, Article article) {
        Chrome pageChrome = chrome.of(edition, article.headline(), article.path());
        Set<Long> shown = new HashSet<>(Set.of(article.id()));
        // Editors' choices first (related picks, pinned top stories), then what the machine suggests fills the rest.
        List<ArticleTeaser> related = new ArrayList<>(unseen(articles.related(article.id()), shown, RELATED));
        List<ArticleTeaser> top = new ArrayList<>(unseen(articles.topStories(edition.code()), shown, TOP_STORIES));
        related.addAll(unseen(relatedContent.like(article, shown, RELATED - related.size()), shown, RELATED));
        top.addAll(unseen(mostRead.lastDay(edition.code(), shown, TOP_STORIES - top.size()), shown, TOP_STORIES));
        List<ArticleTeaser> more = articles.latest(edition.code(), MORE_STORIES, List.copyOf(shown));

        List<TeaserBlock> blocks = new ArrayList<>();
        addIfAny(blocks, new TeaserBlock("related", pageChrome.t("teasers.related"), related));
        addIfAny(blocks, new TeaserBlock("top-stories", pageChrome.t("teasers.top"), top));
        addIfAny(blocks, new TeaserBlock("more-stories", pageChrome.t("teasers.more"), more));

        Set<Long> mediaIds = new HashSet<>(article.mediaIds());
        blocks.forEach(b -> addImages(b.items(), mediaIds));
        List<ArticlePage.Version> versions = articles.otherVersions(article.id()).stream()
                .flatMap(v -> editions.find(v.editionCode()).stream()
                        .map(e -> new ArticlePage.Version(e, v.path(), v.headline())))
                .toList();
        boolean derived = translations.derivation(article.id()).isPresent();
        ArticlePage page = new ArticlePage(pageChrome, article, media.findWithPosters(mediaIds), List.copyOf(blocks),
                PageHead.NONE, chrome.asset("/assets/beacon.js"), versions, derived);
        return page.withHead(heads.article(page));
    }

    /** The edition home: the newest story as the lead, then the latest of each section. */
    public ListingPage home(Edition edition) {
        Chrome pageChrome = chrome.of(edition, edition.siteName(), edition.homePath());
        List<ArticleTeaser> newest = articles.latest(edition.code(), 1, List.of());
        ArticleTeaser lead = newest.isEmpty() ? null : newest.getFirst();
        List<TeaserBlock> blocks = new ArrayList<>();
        for (Section section : taxonomy.sections(edition.code())) {
            List<ArticleTeaser> items = articles.latestInSection(section, HOME_PER_SECTION + 1).stream()
                    .filter(t -> lead == null || t.id() != lead.id()).limit(HOME_PER_SECTION).toList();
            addIfAny(blocks, new TeaserBlock("section-" + section.id(), section.name(), section.path(), items));
        }
        return listing(pageChrome, edition.siteName(), lead, blocks);
    }

    public ListingPage section(Edition edition, Section section) {
        Chrome pageChrome = chrome.of(edition, section.name(), section.path());
        List<ArticleTeaser> items = articles.latestInSection(section, LISTING_SIZE);
        return listing(pageChrome, section.name(), null,
                List.of(new TeaserBlock("stories", pageChrome.t("listing.section", section.name()), items)));
    }

    public ListingPage topic(Edition edition, Topic topic) {
        Chrome pageChrome = chrome.of(edition, topic.name(), topic.path());
        List<ArticleTeaser> items = articles.latestInTopic(topic, LISTING_SIZE);
        return listing(pageChrome, topic.name(), null,
                List.of(new TeaserBlock("stories", pageChrome.t("listing.topic", topic.name()), items)));
    }

    /** An error page; {@code titleKey} names its title in the interface texts ({@code notfound.title}...). */
    public ErrorPage error(Edition edition, String titleKey) {
        return new ErrorPage(chrome.of(edition, chrome.texts(edition).get(titleKey), null));
    }

    /**
     * The error page while the database is away: made from what this node holds in memory, outside the class's
     * read-only transaction (opening one needs a connection).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ErrorPage unavailable(Edition edition) {
        return new ErrorPage(chrome.withoutDatabase(edition, chrome.texts(edition).get("error.title")));
    }

    private ListingPage listing(Chrome pageChrome, String heading, ArticleTeaser lead, List<TeaserBlock> blocks) {
        Set<Long> mediaIds = new HashSet<>();
        addImages(Stream.concat(Stream.ofNullable(lead), blocks.stream().flatMap(b -> b.items().stream())).toList(),
                mediaIds);
        ListingPage page = new ListingPage(pageChrome, heading, lead, List.copyOf(blocks),
                media.findWithPosters(mediaIds), PageHead.NONE);
        return page.withHead(heads.listing(page));
    }

    private static List<ArticleTeaser> unseen(List<ArticleTeaser> teasers, Set<Long> shown) {
        return unseen(teasers, shown, Integer.MAX_VALUE);
    }

    private static List<ArticleTeaser> unseen(List<ArticleTeaser> teasers, Set<Long> shown, int limit) {
        List<ArticleTeaser> result = teasers.stream().filter(t -> !shown.contains(t.id())).limit(limit).toList();
        result.forEach(t -> shown.add(t.id()));
        return result;
    }

    private static void addIfAny(List<TeaserBlock> blocks, TeaserBlock block) {
        if (!block.items().isEmpty()) {
            blocks.add(block);
        }
    }

    private static void addImages(List<ArticleTeaser> teasers, Set<Long> mediaIds) {
        teasers.stream().map(ArticleTeaser::imageId).filter(java.util.Objects::nonNull).forEach(mediaIds::add);
    }
}
