package org.shortwave.distribution.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.Topic;
import org.shortwave.content.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the distribution surfaces (sitemaps, the content API, the mirror) that need lists the site's finders do
 * not offer: every article, paging, counts. Every article query filters with {@link Visibility#PUBLIC}.
 */
@Repository
public class DistributionRepository {

    private static final String TEASER_COLUMNS =
            "a.id, a.edition_code, a.slug, a.headline, a.lead, a.published_at, a.main_image_id";

    private final JdbcClient jdbc;

    DistributionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One article's place in a sitemap: its path parts and when it last changed. */
    public record ArticleLocation(long id, String editionCode, String slug, Instant modified) {
    }

    /** One entry of a news sitemap. */
    public record NewsItem(long id, String editionCode, String slug, String headline, Instant publishedAt) {
    }

    /** Filters of an article list: all optional. */
    public record ArticleFilter(String editionCode, Long sectionId, Long topicId) {
    }

    public long countPublic(Instant now) {
        return jdbc.sql("select count(*) from article a where " + Visibility.PUBLIC)
                .param("now", utc(now)).query(Long.class).single();
    }

    /** Visible articles in id order, a page at a time (ids never move between pages as stories are added). */
    public List<ArticleLocation> locations(Instant now, int offset, int limit) {
        return jdbc.sql("""
                select a.id, a.edition_code, a.slug, greatest(a.published_at, a.updated_at) as modified
                from article a where """ + Visibility.PUBLIC + " order by a.id limit :limit offset :offset")
                .param("now", utc(now))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new ArticleLocation(rs.getLong("id"), rs.getString("edition_code"),
                        rs.getString("slug"), instant(rs, "modified")))
                .list();
    }

    /** Ids of every visible article of an edition, newest first. */
    public List<Long> publicIds(String editionCode, Instant now) {
        return jdbc.sql("select a.id from article a where a.edition_code = :edition and " + Visibility.PUBLIC
                        + " order by a.published_at desc, a.id desc")
                .param("edition", editionCode)
                .param("now", utc(now))
                .query(Long.class).list();
    }

    public List<NewsItem> news(String editionCode, Instant now, Instant since, int limit) {
        return jdbc.sql("select a.id, a.edition_code, a.slug, a.headline, a.published_at from article a"
                        + " where a.edition_code = :edition and a.published_at >= :since and " + Visibility.PUBLIC
                        + " order by a.published_at desc, a.id desc limit :limit")
                .param("edition", editionCode)
                .param("now", utc(now))
                .param("since", utc(since))
                .param("limit", limit)
                .query((rs, row) -> new NewsItem(rs.getLong("id"), rs.getString("edition_code"), rs.getString("slug"),
                        rs.getString("headline"), instant(rs, "published_at")))
                .list();
    }

    public List<ArticleTeaser> teasers(ArticleFilter filter, Instant now, int offset, int limit) {
        var spec = jdbc.sql("select " + TEASER_COLUMNS + " from article a where " + Visibility.PUBLIC
                        + conditions(filter) + " order by a.published_at desc, a.id desc limit :limit offset :offset")
                .param("now", utc(now))
                .param("limit", limit)
                .param("offset", offset);
        return bind(spec, filter).query(DistributionRepository::teaser).list();
    }

    public long count(ArticleFilter filter, Instant now) {
        var spec = jdbc.sql("select count(*) from article a where " + Visibility.PUBLIC + conditions(filter))
                .param("now", utc(now));
        return bind(spec, filter).query(Long.class).single();
    }

    public List<Topic> topics(String editionCode) {
        return jdbc.sql("select id, edition_code, slug, name from topic where edition_code = ? order by name, id")
                .param(editionCode)
                .query(Topic.class).list();
    }

    private static String conditions(ArticleFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.editionCode() != null) {
            sql.append(" and a.edition_code = :edition");
        }
        if (filter.sectionId() != null) {
            sql.append(" and a.section_id = :section");
        }
        if (filter.topicId() != null) {
            sql.append(" and exists (select 1 from article_topic t where t.article_id = a.id and t.topic_id = :topic)");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ArticleFilter filter) {
        if (filter.editionCode() != null) {
            spec = spec.param("edition", filter.editionCode());
        }
        if (filter.sectionId() != null) {
            spec = spec.param("section", filter.sectionId());
        }
        if (filter.topicId() != null) {
            spec = spec.param("topic", filter.topicId());
        }
        return spec;
    }

    private static ArticleTeaser teaser(ResultSet rs, int row) throws SQLException {
        return new ArticleTeaser(rs.getLong("id"), rs.getString("edition_code"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("lead"), instant(rs, "published_at"),
                (Long) rs.getObject("main_image_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
