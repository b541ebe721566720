package org.shortwave.content.internal;

import static org.shortwave.content.internal.ArticleRepository.instant;
import static org.shortwave.content.internal.ArticleRepository.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.BodyJson;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomFilter;
import org.shortwave.content.NewsroomListItem;
import org.shortwave.content.Revision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the newsroom's view of articles: any state, versions, revisions, notes, the schedule. */
@Repository
public class NewsroomArticleRepository {

    private final JdbcClient jdbc;
    private final ArticleRepository articles;

    NewsroomArticleRepository(JdbcClient jdbc, ArticleRepository articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    public Optional<EditableArticle> find(long id) {
        return jdbc.sql("""
                select id, edition_code, section_id, headline, slug, lead, dateline, body::text as body, main_image_id,
                       copyright_holder, search_description, social_title, social_image_id,
                       status, version, published_at, embargo_until, updated_at, created_at,
                       created_by, updated_by, deleted_at is not null as deleted
                from article where id = ?""")
                .param(id)
                .query((rs, row) -> new EditableArticle(rs.getLong("id"),
                        new ArticleContent(rs.getString("edition_code"), rs.getLong("section_id"),
                                rs.getString("headline"), rs.getString("slug"), rs.getString("lead"),
                                rs.getString("dateline"), BodyJson.read(rs.getString("body")),
                                (Long) rs.getObject("main_image_id"), ids("article_author", "person_id", id, "position"),
                                ids("article_topic", "topic_id", id, "topic_id"), rs.getString("copyright_holder"),
                                ArticleRepository.appearance(rs)),
                        ArticleStatus.of(rs.getString("status")), rs.getInt("version"), instant(rs, "published_at"),
                        instant(rs, "embargo_until"), instant(rs, "updated_at"), instant(rs, "created_at"),
                        (Long) rs.getObject("created_by"), (Long) rs.getObject("updated_by"), rs.getBoolean("deleted")))
                .optional();
    }

    /** Saves new content if the article is still at {@code expectedVersion}; returns the new version, or empty. */
    public Optional<Integer> updateContent(long id, int expectedVersion, ArticleContent content, Long actorId,
            Instant now) {
        Map<String, Object> params = new HashMap<>(ArticleRepository.contentParams(content));
        params.put("id", id);
        params.put("expected", expectedVersion);
        params.put("actor", actorId);
        params.put("now", utc(now));
        Optional<Integer> version = jdbc.sql("""
                update article set section_id = :section, headline = :headline, slug = :slug, lead = :lead,
                       dateline = :dateline, body = cast(:body as jsonb), main_image_id = :mainImage,
                       copyright_holder = :copyright, search_description = :searchDescription,
                       social_title = :socialTitle, social_image_id = :socialImage, version = version + 1, updated_by = :actor, updated_at = :now
                where id = :id and version = :expected and deleted_at is null
                returning version""")
                .params(params)
                .query(Integer.class).optional();
        version.ifPresent(v -> articles.replaceAuthorsAndTopics(id, content));
        return version;
    }

    /** Changes the workflow state if the article is still at {@code expectedVersion}; returns the new version. */
    public Optional<Integer> updateState(long id, int expectedVersion, ArticleStatus status, Instant publishedAt,
            Instant embargoUntil, Long actorId, Instant announcedAt) {
        return jdbc.sql("""
                update article set status = :status, published_at = :publishedAt, embargo_until = :embargo,
                       announced_at = :announced, version = version + 1, updated_by = :actor
                where id = :id and version = :expected and deleted_at is null
                returning version""")
                .param("status", status.dbValue())
                .param("publishedAt", utc(publishedAt))
                .param("embargo", utc(embargoUntil))
                .param("announced", utc(announcedAt))
                .param("actor", actorId)
                .param("id", id)
                .param("expected", expectedVersion)
                .query(Integer.class).optional();
    }

    public void insertRevision(long articleId, int version, Long actorId, ArticleStatus status, ArticleContent content) {
        jdbc.sql("""
                insert into article_revision (article_id, version, saved_by, status, snapshot)
                values (?, ?, ?, ?, cast(? as jsonb))""")
                .params(articleId, version, actorId, status.dbValue(), Snapshots.write(content)).update();
    }

    public List<Revision> revisions(long articleId) {
        return jdbc.sql("""
                select r.article_id, r.version, r.saved_at, r.saved_by, u.display_name, r.status, r.snapshot::text as snapshot
                from article_revision r left join app_user u on u.id = r.saved_by
                where r.article_id = ? order by r.version desc""")
                .param(articleId)
                .query((rs, row) -> new Revision(rs.getLong("article_id"), rs.getInt("version"),
                        instant(rs, "saved_at"), (Long) rs.getObject("saved_by"), rs.getString("display_name"),
                        ArticleStatus.of(rs.getString("status")), Snapshots.read(rs.getString("snapshot"))))
                .list();
    }

    public long insertNote(long articleId, ArticleNote.Kind kind, String text, Instant at, Long actorId) {
        return jdbc.sql("insert into article_note (article_id, kind, text, at, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(articleId, kind.dbValue(), text, utc(at), actorId).query(Long.class).single();
    }

    public List<NewsroomListItem> list(NewsroomFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.edition_code, s.name as section_name, a.headline, a.status, a.published_at,
                       a.embargo_until, coalesce(a.updated_at, a.created_at) as updated_at, a.created_by,
                       (select string_agg(p.name, ', ' order by aa.position) from article_author aa
                        join person p on p.id = aa.person_id where aa.article_id = a.id) as authors
                from article a join section s on s.id = a.section_id
                where a.deleted_at is null""");
        Map<String, Object> params = new HashMap<>();
        if (filter.editionCode() != null && !filter.editionCode().isBlank()) {
            sql.append(" and a.edition_code = :edition");
            params.put("edition", filter.editionCode());
        }
        if (filter.sectionId() != null) {
            sql.append(" and a.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", filter.status().dbValue());
        }
        if (filter.authorId() != null) {
            // A person of the byline (people and newsroom accounts are different things).
            sql.append(" and exists (select 1 from article_author aa where aa.article_id = a.id"
                    + " and aa.person_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.text() != null) {
            sql.append(" and (a.headline ilike :text or a.lead ilike :text)");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by coalesce(a.updated_at, a.created_at) desc, a.id desc limit :limit");
        params.put("limit", filter.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new NewsroomListItem(rs.getLong("id"), rs.getString("edition_code"),
                        rs.getString("section_name"), rs.getString("headline"), ArticleStatus.of(rs.getString("status")),
                        instant(rs, "published_at"), instant(rs, "embargo_until"), instant(rs, "updated_at"),
                        rs.getString("authors"), (Long) rs.getObject("created_by")))
                .list();
    }

    /**
     * Marks published articles whose time (publish time and embargo) has come but whose going public was not yet
     * announced, and returns them. One UPDATE: with several nodes, each row is claimed by exactly one of them.
     */
    public List<Long> claimDue(Instant now) {
        return jdbc.sql("""
                update article set announced_at = :now
                where status = 'published' and deleted_at is null and published_at <= :now
                  and (embargo_until is null or embargo_until <= :now)
                  and (announced_at is null or announced_at < greatest(published_at, coalesce(embargo_until, published_at)))
                returning id""")
                .param("now", utc(now))
                .query(Long.class).list();
    }

    public String editionOf(long articleId) {
        return jdbc.sql("select edition_code from article where id = ?").param(articleId).query(String.class).single();
    }

    private List<Long> ids(String table, String column, long articleId, String order) {
        return jdbc.sql("select " + column + " from " + table + " where article_id = ? order by " + order)
                .param(articleId).query(Long.class).list();
    }
}
