package org.shortwave.content;

import java.time.Instant;
import java.util.List;

/** An article as the public site shows it: only ever built from a published, visible row. */
public record Article(long id, String editionCode, Section section, String headline, String slug, String lead,
        String dateline, List<Block> body, Long mainImageId, List<Person> authors, List<Topic> topics,
        Instant publishedAt, Instant updatedAt, String copyrightHolder, List<ArticleNote> notes,
        SearchAppearance appearance) {

    public Article {
        appearance = appearance == null ? SearchAppearance.NONE : appearance;
    }

    /** An article with the default search appearance. */
    public Article(long id, String editionCode, Section section, String headline, String slug, String lead,
            String dateline, List<Block> body, Long mainImageId, List<Person> authors, List<Topic> topics,
            Instant publishedAt, Instant updatedAt, String copyrightHolder, List<ArticleNote> notes) {
        this(id, editionCode, section, headline, slug, lead, dateline, body, mainImageId, authors, topics,
                publishedAt, updatedAt, copyrightHolder, notes, SearchAppearance.NONE);
    }

    public String path() {
        return path(editionCode, slug, id);
    }

    /** The canonical URL path of an article: {@code /{edition}/{slug}/a-{id}}. */
    public static String path(String editionCode, String slug, long id) {
        return "/" + editionCode + "/" + slug + "/a-" + id;
    }

    /** The media the story shows: its main photo, its link cards' photo, and every photo and video of its body. */
    public java.util.Set<Long> mediaIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        if (mainImageId != null) {
            ids.add(mainImageId);
        }
        if (appearance.socialImageId() != null) {
            ids.add(appearance.socialImageId());
        }
        for (Block block : body) {
            switch (block) {
                case Block.Image image -> ids.add(image.mediaId());
                case Block.Video video -> ids.add(video.mediaId());
                default -> { }
            }
        }
        return ids;
    }

    /** True when the story was changed after it went out, so the page shows an "updated" line. */
    public boolean wasUpdated() {
        return updatedAt != null && updatedAt.isAfter(publishedAt);
    }
}
