package org.shortwave.distribution;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shortwave.content.Article;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Messages;
import org.shortwave.media.MediaStore;
import org.shortwave.site.SitePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The static mirror edition: every visible page of one or all editions (home, sections, topics, articles), their
 * feeds, the media they show and the stylesheet, written into a folder with relative links. Pages are rendered by
 * the site's own {@link SitePages} and templates, then their links made relative ({@link MirrorLinks}).
 */
@Service
public class MirrorExport {

    private static final Logger log = LoggerFactory.getLogger(MirrorExport.class);

    private final Editions editions;
    private final Taxonomy taxonomy;
    private final PublishedArticles articles;
    private final PublicListings listings;
    private final SitePages pages;
    private final Feeds feeds;
    private final FeedWriter feedWriter;
    private final Messages messages;
    private final TemplateEngine templates;
    private final MediaStore media;

    MirrorExport(Editions editions, Taxonomy taxonomy, PublishedArticles articles, PublicListings listings,
            SitePages pages, Feeds feeds, FeedWriter feedWriter, Messages messages, TemplateEngine templates,
            MediaStore media) {
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.listings = listings;
        this.pages = pages;
        this.feeds = feeds;
        this.feedWriter = feedWriter;
        this.messages = messages;
        this.templates = templates;
        this.media = media;
    }

    /** Exports the edition with this code, or every edition when {@code editionCode} is null. */
    public MirrorReport export(Path out, String editionCode) {
        List<Edition> chosen = editionCode == null ? editions.all()
                : List.of(editions.find(editionCode)
                        .orElseThrow(() -> new IllegalArgumentException("no edition '" + editionCode + "'")));
        MirrorFiles files = new MirrorFiles(out);
        Set<String> linked = new TreeSet<>();
        for (Edition edition : chosen) {
            exportEdition(edition, files, linked);
        }
        copyLinkedFiles(files, linked);
        List<String> cleaned = new ArrayList<>(chosen.stream().map(Edition::code).toList());
        if (editionCode == null) {
            files.write("index.html", rootPage(chosen).getBytes(StandardCharsets.UTF_8));
            // Media and assets are shared between editions: only a full export knows which are still used.
            cleaned.addAll(List.of("media", "assets"));
        }
        int removed = files.removeStale(cleaned);
        return new MirrorReport(chosen.stream().map(Edition::code).toList(), files.written(), files.unchanged(), removed);
    }

    private void exportEdition(Edition edition, MirrorFiles files, Set<String> linked) {
        String searchNote = messages.forEdition(edition).get("mirror.search");
        page(files, linked, searchNote, edition.homePath(), "site/listing.jte", pages.home(edition));
        feeds(files, feeds.edition(edition));
        for (Section section : taxonomy.sections(edition.code())) {
            page(files, linked, searchNote, section.path(), "site/listing.jte", pages.section(edition, section));
            feeds(files, feeds.section(edition, section));
        }
        for (Topic topic : listings.topics(edition.code())) {
            page(files, linked, searchNote, topic.path(), "site/listing.jte", pages.topic(edition, topic));
            feeds(files, feeds.topic(edition, topic));
        }
        for (long id : listings.articleIds(edition.code())) {
            // Read through the public contract, like the site: a story unpublished meanwhile is left out.
            articles.find(id).ifPresent((Article article) -> page(files, linked, searchNote, article.path(),
                    "site/article.jte", pages.article(edition, article).withoutBeacon()));
        }
    }

    private void page(MirrorFiles files, Set<String> linked, String searchNote, String sitePath, String template,
            Object page) {
        StringOutput html = new StringOutput();
        templates.render(template, Map.of("page", page), html);
        String file = MirrorLinks.fileOf(sitePath);
        String rewritten = MirrorLinks.rewrite(html.toString(), file, searchNote, linked::add);
        files.write(file, rewritten.getBytes(StandardCharsets.UTF_8));
    }

    private void feeds(MirrorFiles files, FeedChannel channel) {
        for (FeedFormat format : FeedFormat.values()) {
            files.write(MirrorLinks.fileOf(format.pathFor(channel.pagePath())),
                    feedWriter.write(channel, format).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Media files and the stylesheet the pages link to. */
    private void copyLinkedFiles(MirrorFiles files, Set<String> linked) {
        for (String path : linked) {
            String file = MirrorLinks.fileOf(path);
            if (files.has(file)) {
                continue;
            }
            try {
                if (path.startsWith("/media/")) {
                    String key = path.substring("/media/".length());
                    Optional<Long> size = key.contains("..") ? Optional.empty() : media.size(key);
                    if (size.isPresent()) {
                        try (InputStream in = media.read(key, 0, size.get())) {
                            files.write(file, in.readAllBytes());
                        }
                    } else {
                        log.warn("Mirror: media file {} is missing", path);
                    }
                } else if (path.startsWith("/assets/")) {
                    // Fingerprinted names (site-<md5>.css) come from the plain file in the static resources.
                    String name = path.substring("/assets/".length()).replaceFirst("-[0-9a-f]{32}(\\.[a-z]+)$", "$1");
                    try (InputStream in = new ClassPathResource("static/" + name).getInputStream()) {
                        files.write(file, in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy " + path + " into the mirror", e);
            }
        }
    }

    /** The mirror's front door: straight on to the default edition, with a list of all for readers without refresh. */
    private String rootPage(List<Edition> all) {
        Edition first = all.stream().filter(Edition::isDefault).findFirst().orElse(all.getFirst());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(first.languageTag()))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(first.siteName()))
                .append("</title>\n<meta http-equiv=\"refresh\" content=\"0; url=")
                .append(escape(MirrorLinks.fileOf(first.homePath()))).append("\">\n</head>\n<body>\n<ul>\n");
        for (Edition edition : all) {
            html.append("<li><a href=\"").append(escape(MirrorLinks.fileOf(edition.homePath()))).append("\" lang=\"")
                    .append(escape(edition.languageTag())).append("\">").append(escape(edition.name()))
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
