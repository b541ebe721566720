package org.shortwave.editorial.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Editor forms posted after their session ended, by the hash of the token the posting browser holds. */
@Repository
public class KeptPostRepository {

    /** A kept form: the path it was posted to, the button pressed, the fields. */
    public record KeptPost(String action, String op, Map<String, List<String>> form, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    KeptPostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the form unless the live kept forms already hold {@code maxLiveChars} characters (then false): the
     * bound on what unauthenticated requests can make the database keep. Expired ones are removed first.
     */
    public boolean keep(String tokenHash, KeptPost post, int chars, Instant now, long maxLiveChars) {
        jdbc.sql("delete from kept_post where expires_at <= ?").param(now.atOffset(ZoneOffset.UTC)).update();
        // One statement decides and inserts, so concurrent posts cannot both pass the bound by much.
        return jdbc.sql("""
                insert into kept_post (token_hash, action, op, form, chars, kept_at, expires_at)
                select ?, ?, ?, cast(? as jsonb), ?, ?, ?
                where (select coalesce(sum(chars), 0) from kept_post) + ? <= ?
                on conflict (token_hash) do nothing""")
                .params(tokenHash, post.action(), post.op(), DraftRepository.json(post.form()), chars,
                        now.atOffset(ZoneOffset.UTC), post.expiresAt().atOffset(ZoneOffset.UTC), chars, maxLiveChars)
                .update() == 1;
    }

    /** Takes the kept form out (it can be claimed once), if it has not expired. */
    public Optional<KeptPost> take(String tokenHash, Instant now) {
        return jdbc.sql("delete from kept_post where token_hash = ? returning action, op, form, expires_at")
                .param(tokenHash)
                .query((rs, row) -> new KeptPost(rs.getString("action"), rs.getString("op"),
                        DraftRepository.form(rs.getString("form")),
                        rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant()))
                .optional().filter(post -> post.expiresAt().isAfter(now));
    }
}
