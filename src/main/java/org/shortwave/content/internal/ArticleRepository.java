package org.shortwave.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.BodyJson;
import org.shortwave.content.NewArticle;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
import org.shortwave.content.Topic;
import org.shortwave.content.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for articles. Every public finder filters with {@link Visibility#PUBLIC}. */
@Repository
public class ArticleRepository {

    private static final String TEASER_COLUMNS =
            "a.id, a.edition_code, a.slug, a.headline, a.lead, a.published_at, a.main_image_id";

    /** Characters of stored body JSON kept parsed (16 MB of text at most): a few thousand ordinary stories. */
    private static final long PARSED_BODY_CHARS = 8_000_000;

    private final JdbcClient jdbc;
    private final ParsedBodies bodies = new ParsedBodies(PARSED_BODY_CHARS);

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> findPublic(long id, Instant now) {
        return find(id, Visibility.PUBLIC, now);
    }

    /** Any article not deleted, whatever its state: for the newsroom's preview only, never for a public page. */
    public Optional<Article> findForPreview(long id, Instant now) {
        return find(id, "a.deleted_at is null", now);
    }

    private Optional<Article> find(long id, String condition, Instant now) {
        return jdbc.sql("""
                select a.id, a.edition_code, a.headline, a.slug, a.lead, a.dateline, a.body::text as body,
                       a.main_image_id, a.published_at, a.updated_at, a.copyright_holder,
                       a.search_description, a.social_title, a.social_image_id,
                       s.id as section_id, s.slug as section_slug, s.name as section_name
                from article a join section s on s.id = a.section_id
                where a.id = :id and """ + " " + condition)
                .param("id", id)
                .param("now", utc(now))
                .query((rs, row) -> new Article(rs.getLong("id"), rs.getString("edition_code"),
                        new Section(rs.getLong("section_id"), rs.getString("edition_code"),
                                rs.getString("section_slug"), rs.getString("section_name")),
                        rs.getString("headline"), rs.getString("slug"), rs.getString("lead"),
                        rs.getString("dateline"), bodies.read(rs.getString("body")),
                        (Long) rs.getObject("main_image_id"), authors(id), topics(id),
                        instant(rs, "published_at"), instant(rs, "updated_at"), rs.getString("copyright_holder"),
                        notes(id), appearance(rs)))
                .optional();
    }

    public List<ArticleTeaser> latestPublic(String editionCode, Instant now, int limit, List<Long> excluded) {
        return jdbc.sql("select " + TEASER_COLUMNS + " from article a where a.edition_code = :edition and "
                        + Visibility.PUBLIC + " and a.id <> all(:excluded)"
                        + " order by a.published_at desc, a.id desc limit :limit")
                .param("edition", editionCode)
                .param("now", utc(now))
                .param("excluded", excluded.toArray(Long[]::new))
                .param("limit", limit)
                .query(ArticleRepository::teaser).list();
    }

    public List<ArticleTeaser> latestPublicInSection(long sectionId, Instant now, int limit) {
        return jdbc.sql("select " + TEASER_COLUMNS + " from article a where a.section_id = :section and "
                        + Visibility.PUBLIC + " order by a.published_at desc, a.id desc limit :limit")
                .param("section", sectionId)
                .param("now", utc(now))
                .param("limit", limit)
                .query(ArticleRepository::teaser).list();
    }

    public List<ArticleTeaser> latestPublicInTopic(long topicId, Instant now, int limit) {
        // article_topic carries the article's publication time (V15): walk the topic's index newest first and stop.
        return jdbc.sql("select " + TEASER_COLUMNS + " from article_topic t join article a on a.id = t.article_id"
                        + " where t.topic_id = :topic and t.published_at <= :now and " + Visibility.PUBLIC
                        + " order by t.published_at desc, t.article_id desc limit :limit")
                .param("topic", topicId)
                .param("now", utc(now))
                .param("limit", limit)
                .query(ArticleRepository::teaser).list();
    }

    public List<ArticleTeaser> relatedPublic(long articleId, Instant now) {
        return jdbc.sql("select " + TEASER_COLUMNS + " from article a"
                        + " join article_related r on r.related_id = a.id and r.article_id = :article where "
                        + Visibility.PUBLIC + " order by r.position")
                .param("article", articleId)
                .param("now", utc(now))
                .query(ArticleRepository::teaser).list();
    }

    public List<ArticleTeaser> topStoriesPublic(String editionCode, Instant now) {
        return jdbc.sql("select " + TEASER_COLUMNS + " from article a"
                        + " join top_story ts on ts.article_id = a.id and ts.edition_code = :edition where "
                        + Visibility.PUBLIC + " order by ts.position")
                .param("edition", editionCode)
                .param("now", utc(now))
                .query(ArticleRepository::teaser).list();
    }

    /** Ids of every public article, ascending: what the search index must hold. */
    public List<Long> publicIds(Instant now) {
        return jdbc.sql("select a.id from article a where " + Visibility.PUBLIC + " order by a.id")
                .param("now", utc(now))
                .query(Long.class).list();
    }

    /** Teasers of those of the given articles that are public, in no particular order. */
    public List<ArticleTeaser> teasersPublic(List<Long> ids, Instant now) {
        return jdbc.sql("select " + TEASER_COLUMNS + " from article a where a.id = any(:ids) and " + Visibility.PUBLIC)
                .param("ids", ids.toArray(Long[]::new))
                .param("now", utc(now))
                .query(ArticleRepository::teaser).list();
    }

    public Optional<Long> findIdBySourceKey(String sourceKey) {
        return jdbc.sql("select id from article where source_key = ?").param(sourceKey).query(Long.class).optional();
    }

    /** Inserts the article with its authors and topics; the caller's transaction makes it one write. */
    public long insert(NewArticle article, Long actorId) {
        ArticleContent content = article.content();
        long id = jdbc.sql("""
                insert into article (source_key, edition_code, section_id, headline, slug, lead, dateline, body,
                                     main_image_id, status, published_at, updated_at, copyright_holder,
                                     search_description, social_title, social_image_id,
                                     created_by, updated_by, announced_at)
                values (:sourceKey, :edition, :section, :headline, :slug, :lead, :dateline, cast(:body as jsonb),
                        :mainImage, :status, :publishedAt, :updatedAt, :copyright,
                        :searchDescription, :socialTitle, :socialImage, :actor, :actor,
                        case when :status = 'published' then cast(:publishedAt as timestamptz) end)
                returning id""")
                .param("sourceKey", article.sourceKey())
                .param("edition", content.editionCode())
                .param("status", article.status().dbValue())
                .param("publishedAt", utc(article.publishedAt()))
                .param("updatedAt", utc(article.updatedAt()))
                .param("actor", actorId)
                .params(contentParams(content))
                .query(Long.class).single();
        replaceAuthorsAndTopics(id, content);
        return id;
    }

    /** The parameters of an article's content columns, shared by insert and update. */
    static java.util.Map<String, Object> contentParams(ArticleContent content) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("section", content.sectionId());
        params.put("headline", content.headline());
        params.put("slug", content.slug());
        params.put("lead", content.lead());
        params.put("dateline", content.dateline());
        params.put("body", BodyJson.write(content.body()));
        params.put("mainImage", content.mainImageId());
        params.put("copyright", content.copyrightHolder());
        params.put("searchDescription", content.appearance().description());
        params.put("socialTitle", content.appearance().socialTitle());
        params.put("socialImage", content.appearance().socialImageId());
        return params;
    }

    /** The search appearance columns of an article row. */
    static org.shortwave.content.SearchAppearance appearance(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new org.shortwave.content.SearchAppearance(rs.getString("search_description"),
                rs.getString("social_title"), (Long) rs.getObject("social_image_id"));
    }

    void replaceAuthorsAndTopics(long id, ArticleContent content) {
        jdbc.sql("delete from article_author where article_id = ?").param(id).update();
        jdbc.sql("delete from article_topic where article_id = ?").param(id).update();
        for (int i = 0; i < content.authorIds().size(); i++) {
            jdbc.sql("insert into article_author (article_id, person_id, position) values (?, ?, ?)")
                    .params(id, content.authorIds().get(i), i).update();
        }
        for (Long topicId : content.topicIds()) {
            jdbc.sql("insert into article_topic (article_id, topic_id) values (?, ?)").params(id, topicId).update();
        }
    }

    public void replaceRelated(long articleId, List<Long> relatedIds) {
        jdbc.sql("delete from article_related where article_id = ?").param(articleId).update();
        for (int i = 0; i < relatedIds.size(); i++) {
            jdbc.sql("insert into article_related (article_id, related_id, position) values (?, ?, ?)")
                    .params(articleId, relatedIds.get(i), i).update();
        }
    }

    public void replaceTopStories(String editionCode, List<Long> articleIds) {
        jdbc.sql("delete from top_story where edition_code = ?").param(editionCode).update();
        for (int i = 0; i < articleIds.size(); i++) {
            jdbc.sql("insert into top_story (edition_code, article_id, position) values (?, ?, ?)")
                    .params(editionCode, articleIds.get(i), i).update();
        }
    }

    private List<Person> authors(long articleId) {
        return jdbc.sql("""
                select p.id, p.name, p.latin_name, p.description from article_author aa
                join person p on p.id = aa.person_id where aa.article_id = ? order by aa.position""")
                .param(articleId)
                .query((rs, row) -> new Person(rs.getLong("id"), rs.getString("name"), rs.getString("latin_name"),
                        rs.getString("description")))
                .list();
    }

    private List<ArticleNote> notes(long articleId) {
        return jdbc.sql("select id, kind, text, at from article_note where article_id = ? order by at, id")
                .param(articleId)
                .query((rs, row) -> new ArticleNote(rs.getLong("id"),
                        ArticleNote.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("text"), instant(rs, "at")))
                .list();
    }

    private List<Topic> topics(long articleId) {
        return jdbc.sql("""
                select t.id, t.edition_code, t.slug, t.name from article_topic at
                join topic t on t.id = at.topic_id where at.article_id = ? order by t.name""")
                .param(articleId)
                .query((rs, row) -> new Topic(rs.getLong("id"), rs.getString("edition_code"), rs.getString("slug"),
                        rs.getString("name")))
                .list();
    }

    private static ArticleTeaser teaser(ResultSet rs, int row) throws SQLException {
        return new ArticleTeaser(rs.getLong("id"), rs.getString("edition_code"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("lead"), instant(rs, "published_at"),
                (Long) rs.getObject("main_image_id"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
