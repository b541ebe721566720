package org.shortwave.editorial.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.shortwave.editorial.ReviewNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review conversation's notes, per article, oldest first. */
@Repository
public class ReviewNoteRepository {

    private final JdbcClient jdbc;

    ReviewNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long articleId, String action, String text, Instant at, long userId) {
        jdbc.sql("insert into review_note (article_id, action, text, at, created_by) values (?, ?, ?, ?, ?)")
                .params(articleId, action, text, at.atOffset(ZoneOffset.UTC), userId).update();
    }

    public List<ReviewNote> of(long articleId) {
        return jdbc.sql("""
                select n.article_id, n.action, n.text, n.at, coalesce(u.display_name, '') as author
                from review_note n left join app_user u on u.id = n.created_by
                where n.article_id = ? order by n.at, n.id""")
                .param(articleId)
                .query((rs, row) -> new ReviewNote(rs.getLong("article_id"), rs.getString("action"),
                        rs.getString("text"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("author")))
                .list();
    }
}
