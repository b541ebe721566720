package org.shortwave.content.internal;

import java.util.List;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ContentChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ChangeLogRepository {

    /** The channel a commit notifies; its payload is the new row's seq. */
    public static final String CHANNEL = "shortwave_changes";

    private final JdbcClient jdbc;

    ChangeLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a change; the caller's transaction makes it part of the write. NOTIFY is delivered on commit. */
    public long append(ChangeKind kind, Long articleId, String editionCode, Long subjectId) {
        long seq = jdbc.sql("""
                insert into change_log (kind, article_id, edition_code, subject_id) values (?, ?, ?, ?)
                returning seq""")
                .params(kind.dbValue(), articleId, editionCode, subjectId).query(Long.class).single();
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(seq)).query(Object.class).single();
        return seq;
    }

    public List<ContentChanged> since(long seq, int limit) {
        return jdbc.sql("select seq, kind, article_id, edition_code, at, subject_id from change_log where seq > ? order by seq limit ?")
                .params(seq, limit)
                .query((rs, row) -> new ContentChanged(rs.getLong("seq"), ChangeKind.of(rs.getString("kind")),
                        (Long) rs.getObject("article_id"), rs.getString("edition_code"),
                        ArticleRepository.instant(rs, "at"), (Long) rs.getObject("subject_id")))
                .list();
    }

    public long latestSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from change_log").query(Long.class).single();
    }
}
