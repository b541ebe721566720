package org.shortwave.editorial.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.NewsroomListItem;
import org.shortwave.i18n.Edition;

/**
 * What the article list shows beside its rows: editions by name, times in each story's edition time zone, a
 * scheduled story as scheduled (not "published") until it is public, and the editions this user may write for.
 */
public record ArticleListView(Map<String, Edition> editions, List<Edition> creatable, Instant now) {

    static ArticleListView of(List<Edition> all, List<Edition> creatable, Instant now) {
        return new ArticleListView(all.stream().collect(Collectors.toMap(Edition::code, Function.identity())),
                creatable, now);
    }

    public String editionName(String code) {
        Edition edition = editions.get(code);
        return edition == null ? code : edition.name();
    }

    private ZoneId zone(String code) {
        Edition edition = editions.get(code);
        return edition == null ? ZoneId.of("UTC") : edition.timeZone();
    }

    public String shown(NewsroomListItem item, Instant instant) {
        return EditionTime.shown(instant, zone(item.editionCode()));
    }

    public String machine(NewsroomListItem item, Instant instant) {
        return EditionTime.machine(instant, zone(item.editionCode()));
    }

    /** When a published story becomes public, if that is still ahead; else null. */
    public Instant scheduledFor(NewsroomListItem item) {
        if (item.status() != ArticleStatus.PUBLISHED || item.publishedAt() == null) {
            return null;
        }
        Instant embargo = item.embargoUntil();
        Instant from = embargo != null && embargo.isAfter(item.publishedAt()) ? embargo : item.publishedAt();
        return from.isAfter(now) ? from : null;
    }
}
