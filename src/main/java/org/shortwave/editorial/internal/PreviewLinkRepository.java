package org.shortwave.editorial.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The preview links colleagues share: a token's hash, the revision it opens, and when it stops working. */
@Repository
public class PreviewLinkRepository {

    /** What a link opens. */
    public record Link(long articleId, int version, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    PreviewLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, long articleId, int version, long createdBy, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into preview_link (token_hash, article_id, version, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, articleId, version, createdBy, now.atOffset(ZoneOffset.UTC),
                        expiresAt.atOffset(ZoneOffset.UTC)).update();
        // Expired links are of no use to anyone: each new link clears them.
        jdbc.sql("delete from preview_link where expires_at < ?").param(now.atOffset(ZoneOffset.UTC)).update();
    }

    public Optional<Link> find(String tokenHash) {
        return jdbc.sql("select article_id, version, expires_at from preview_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new Link(rs.getLong("article_id"), rs.getInt("version"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
