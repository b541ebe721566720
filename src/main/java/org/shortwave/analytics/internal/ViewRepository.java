package org.shortwave.analytics.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.shortwave.content.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for hourly view counts. */
@Repository
public class ViewRepository {

    public record HourCount(Instant hour, long views) {
    }

    private final JdbcClient jdbc;

    ViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds views to an article's hour, if the article is public (a beacon cannot create rows for anything else). */
    public void add(long articleId, Instant hour, long views, Instant now) {
        jdbc.sql("""
                insert into article_view_hour (article_id, edition_code, hour, views)
                select a.id, a.edition_code, :hour, :views from article a where a.id = :id and """ + Visibility.PUBLIC + """
                 on conflict (article_id, hour) do update set views = article_view_hour.views + excluded.views""")
                .param("id", articleId)
                .param("hour", utc(hour))
                .param("views", views)
                .param("now", utc(now))
                .update();
    }

    /** Article ids of an edition by views since {@code since}, most first; the latest-viewed first among equals. */
    public List<Long> mostViewed(String editionCode, Instant since, int limit) {
        return jdbc.sql("""
                select article_id from article_view_hour where edition_code = :edition and hour >= :since
                group by article_id order by sum(views) desc, max(hour) desc, article_id desc limit :limit""")
                .param("edition", editionCode)
                .param("since", utc(since))
                .param("limit", limit)
                .query(Long.class).list();
    }

    public List<HourCount> hourly(long articleId, Instant since) {
        return jdbc.sql("select hour, views from article_view_hour where article_id = ? and hour >= ? order by hour")
                .params(articleId, utc(since))
                .query((rs, row) -> new HourCount(rs.getObject("hour", OffsetDateTime.class).toInstant(),
                        rs.getLong("views")))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
