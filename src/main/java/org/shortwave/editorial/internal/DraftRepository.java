package org.shortwave.editorial.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shortwave.editorial.Draft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Autosaved drafts: one row per user and article (or draft key), overwritten in place. */
@Repository
public class DraftRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, List<String>>> FORM = new TypeReference<>() {
    };
    private static final String COLUMNS = "user_id, article_id, draft_key, edition_code, base_version, form, saved_at";

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the draft over the user's previous one for the same article or key: one statement, one row. */
    public void put(Draft draft) {
        String conflict = draft.articleId() != null
                ? "(user_id, article_id) where article_id is not null"
                : "(user_id, draft_key) where draft_key is not null";
        jdbc.sql("insert into article_draft (" + COLUMNS + ") values (?, ?, ?, ?, ?, cast(? as jsonb), ?)"
                + " on conflict " + conflict + " do update set edition_code = excluded.edition_code,"
                + " base_version = excluded.base_version, form = excluded.form, saved_at = excluded.saved_at")
                .params(draft.userId(), draft.articleId(), draft.draftKey(), draft.editionCode(), draft.baseVersion(),
                        json(draft.form()), draft.savedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Draft> forArticle(long userId, long articleId) {
        return jdbc.sql("select " + COLUMNS + " from article_draft where user_id = ? and article_id = ?")
                .params(userId, articleId).query(DraftRepository::draft).optional();
    }

    public Optional<Draft> forKey(long userId, UUID key) {
        return jdbc.sql("select " + COLUMNS + " from article_draft where user_id = ? and draft_key = ?")
                .params(userId, key).query(DraftRepository::draft).optional();
    }

    /** The user's drafts of articles not created yet, newest first. */
    public List<Draft> newArticles(long userId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from article_draft where user_id = ? and draft_key is not null"
                + " order by saved_at desc limit ?").params(userId, limit).query(DraftRepository::draft).list();
    }

    public int deleteForArticle(long userId, long articleId) {
        return jdbc.sql("delete from article_draft where user_id = ? and article_id = ?").params(userId, articleId)
                .update();
    }

    public int deleteForKey(long userId, UUID key) {
        return jdbc.sql("delete from article_draft where user_id = ? and draft_key = ?").params(userId, key).update();
    }

    /** Forgets drafts not touched since {@code before}. */
    public int forget(Instant before) {
        return jdbc.sql("delete from article_draft where saved_at < ?").param(before.atOffset(ZoneOffset.UTC)).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from article_draft").query(Long.class).single();
    }

    static Map<String, List<String>> form(String json) {
        return JSON.readValue(json, FORM);
    }

    static String json(Map<String, List<String>> form) {
        return JSON.writeValueAsString(form);
    }

    private static Draft draft(ResultSet rs, int row) throws SQLException {
        long articleId = rs.getLong("article_id");
        Long article = rs.wasNull() ? null : articleId;
        return new Draft(rs.getLong("user_id"), article, rs.getObject("draft_key", UUID.class),
                rs.getString("edition_code"), rs.getInt("base_version"), form(rs.getString("form")),
                rs.getObject("saved_at", java.time.OffsetDateTime.class).toInstant());
    }
}
