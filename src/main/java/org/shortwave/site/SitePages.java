package org.shortwave.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shortwave.analytics.MostRead;
import org.shortwave.cache.ReadModel;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.content.Translations;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Edition;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.search.RelatedContent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles the public pages from published content only (everything goes through {@link PublishedArticles}).
 * A listing page is read in one read-only transaction: one connection and one BEGIN/COMMIT for its queries, instead
 * of one per query. The article page reads the read model first, outside any transaction (see {@link #article}).
 */
@Service
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
    private final ReadModel readModel;
    private final TransactionTemplate readOnly;

    SitePages(PublishedArticles articles, Taxonomy taxonomy, MediaLibrary media, SiteChrome chrome, PageHeads heads,
            RelatedContent relatedContent, MostRead mostRead, Translations translations, Editions editions,
            ReadModel readModel, PlatformTransactionManager transactions) {
        this.readModel = readModel;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
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
     * A public article by id, from the read model (empty if there is none, or it is not public). What the page shows
     * of the story itself (its versions in other editions, the editor's related picks) is read with it.
     */
    public Optional<Article> published(long id) {
        return story(id).article();
    }

    /**
     * The article page. After the story come three teaser blocks: the editor's related stories, the edition's top
     * stories, and more of the latest; a story appears once on the page at most. Read from the read model, outside
     * any transaction: a page whose parts are all in memory takes no connection; parts not in memory are read
     * in one read-only transaction each (the story's, the edition's lists).
     */
    public ArticlePage article(Edition edition, Article article) {
        long since = readModel.epoch(); // the page's head is made from the story's part, read after this
        Chrome pageChrome = chrome.of(edition, article.headline(), article.path());
        Story story = story(article.id());
        EditionLists lists = lists(edition.code());
        Set<Long> shown = new HashSet<>(Set.of(article.id()));
        // Editors' choices first (related picks, pinned top stories), then what the machine suggests fills the rest.
        List<ArticleTeaser> related = new ArrayList<>(unseen(story.picks(), shown, RELATED));
        List<ArticleTeaser> top = new ArrayList<>(unseen(lists.pinned(), shown, TOP_STORIES));
        related.addAll(unseen(suggested(article, story.picks()), shown, RELATED - related.size()));
        top.addAll(unseen(lists.mostRead(), shown, TOP_STORIES - top.size()));
        List<ArticleTeaser> more = unseen(lists.latest(), shown, MORE_STORIES);

        List<TeaserBlock> blocks = new ArrayList<>();
        addIfAny(blocks, new TeaserBlock("related", pageChrome.t("teasers.related"), related));
        addIfAny(blocks, new TeaserBlock("top-stories", pageChrome.t("teasers.top"), top));
        addIfAny(blocks, new TeaserBlock("more-stories", pageChrome.t("teasers.more"), more));

        Set<Long> mediaIds = new HashSet<>(article.mediaIds());
        blocks.forEach(b -> addImages(b.items(), mediaIds));
        List<ArticlePage.Version> versions = story.versions().stream()
                .flatMap(v -> editions.find(v.editionCode()).stream()
                        .map(e -> new ArticlePage.Version(e, v.path(), v.headline())))
                .toList();
        ArticlePage page = new ArticlePage(pageChrome, article, media(mediaIds), List.copyOf(blocks),
                PageHead.NONE, chrome.asset("/assets/beacon.js"), versions, story.derived());
        // The head (links, Open Graph, JSON-LD) shows the story, its versions and its own media only. It is kept
        // only when the caller's article is the story part read after `since`: one read earlier may be out of date.
        if (story.article().orElse(null) != article) {
            return page.withHead(heads.article(page));
        }
        return page.withHead(readModel.get("head:" + edition.code() + ":" + article.id(), since,
                () -> heads.article(page), head -> story.keys(article.id())));
    }

    /** What an article page shows of the story itself; evicted with the story, its versions and its picks. */
    private record Story(Optional<Article> article, List<ArticleTeaser> versions, List<ArticleTeaser> picks,
            boolean derived) {

        List<String> keys(long id) {
            List<String> keys = new ArrayList<>(List.of(SurrogateKeys.article(id)));
            article.ifPresent(a -> keys.add(SurrogateKeys.taxonomy(a.editionCode()))); // its section's name
            keys.addAll(SurrogateKeys.articles(versions));
            keys.addAll(SurrogateKeys.articles(picks));
            return keys;
        }
    }

    private Story story(long id) {
        return readModel.get("story:" + id, () -> readOnly.execute(status -> {
            Optional<Article> article = articles.find(id);
            if (article.isEmpty()) {
                return new Story(article, List.of(), List.of(), false);
            }
            return new Story(article, articles.otherVersions(id), articles.related(id),
                    translations.derivation(id).isPresent());
        }), story -> story.keys(id));
    }

    /**
     * An edition's lists as article pages show them, deep enough for what a page leaves out (the story itself, its
     * related stories, the pinned ones); evicted by any story of the edition, its pins and its most-read ranking.
     */
    private record EditionLists(List<ArticleTeaser> pinned, List<ArticleTeaser> mostRead,
            List<ArticleTeaser> latest) {

        List<String> keys(String code) {
            List<String> keys = new ArrayList<>(List.of(SurrogateKeys.edition(code), SurrogateKeys.topStories(code)));
            Stream.of(pinned, mostRead, latest).forEach(list -> keys.addAll(SurrogateKeys.articles(list)));
            return keys;
        }
    }

    private EditionLists lists(String code) {
        int leftOut = 1 + RELATED + TOP_STORIES;
        return readModel.get("lists:" + code, () -> readOnly.execute(status -> new EditionLists(
                articles.topStories(code), mostRead.lastDay(code, List.of(), TOP_STORIES + leftOut),
                articles.latest(code, MORE_STORIES + leftOut, List.of()))), lists -> lists.keys(code));
    }

    /**
     * Related stories the index suggests, more than a page shows (it leaves out its pinned top stories). The index
     * remembers its own answers until its next commit; their teasers come from the read model, evicted with them.
     */
    private List<ArticleTeaser> suggested(Article article, List<ArticleTeaser> picks) {
        Set<Long> excluded = new HashSet<>(Set.of(article.id()));
        picks.forEach(p -> excluded.add(p.id()));
        List<Long> ids = relatedContent.likeIds(article, excluded, RELATED + TOP_STORIES);
        return readModel.get("teasers:" + joined(ids.stream()), () -> articles.teasers(ids),
                found -> ids.stream().map(SurrogateKeys::article).toList());
    }

    private static String joined(Stream<Long> ids) {
        return ids.map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Media never change once stored (an item and its renditions are stored in one transaction). */
    private Map<Long, MediaItem> media(Set<Long> ids) {
        String name = "media:" + joined(ids.stream().sorted());
        return readModel.get(name, () -> media.findWithPosters(ids), found -> List.of());
    }

    /** The edition home: the newest story as the lead, then the latest of each section. */
    @Transactional(readOnly = true)
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

    @Transactional(readOnly = true)
    public ListingPage section(Edition edition, Section section) {
        Chrome pageChrome = chrome.of(edition, section.name(), section.path());
        List<ArticleTeaser> items = articles.latestInSection(section, LISTING_SIZE);
        return listing(pageChrome, section.name(), null,
                List.of(new TeaserBlock("stories", pageChrome.t("listing.section", section.name()), items)));
    }

    @Transactional(readOnly = true)
    public ListingPage topic(Edition edition, Topic topic) {
        Chrome pageChrome = chrome.of(edition, topic.name(), topic.path());
        List<ArticleTeaser> items = articles.latestInTopic(topic, LISTING_SIZE);
        return listing(pageChrome, topic.name(), null,
                List.of(new TeaserBlock("stories", pageChrome.t("listing.topic", topic.name()), items)));
    }

    /** An error page; {@code titleKey} names its title in the interface texts ({@code notfound.title}...). */
    @Transactional(readOnly = true)
    public ErrorPage error(Edition edition, String titleKey) {
        return new ErrorPage(chrome.of(edition, chrome.texts(edition).get(titleKey), null));
    }

    /**
     * The error page while the database is away: made from what this node holds in memory, outside a transaction
     * (opening one needs a connection).
     */
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
