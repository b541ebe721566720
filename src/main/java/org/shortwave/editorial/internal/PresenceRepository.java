package org.shortwave.editorial.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who opened which article in the editor, in the database all nodes share. */
@Repository
public class PresenceRepository {

    private final JdbcClient jdbc;

    PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code user} opened the article at {@code now}; returns the others who opened it since. */
    public List<String> open(long articleId, String user, Instant now, Instant since) {
        jdbc.sql("""
                insert into editing_presence (article_id, user_label, opened_at) values (?, ?, ?)
                on conflict (article_id, user_label) do update set opened_at = excluded.opened_at""")
                .params(articleId, user, now.atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("""
                select user_label from editing_presence
                where article_id = ? and user_label <> ? and opened_at >= ? order by user_label""")
                .params(articleId, user, since.atOffset(ZoneOffset.UTC)).query(String.class).list();
    }

    /** Forgets openings older than {@code before}. */
    public int forget(Instant before) {
        return jdbc.sql("delete from editing_presence where opened_at < ?").param(before.atOffset(ZoneOffset.UTC))
                .update();
    }
}
