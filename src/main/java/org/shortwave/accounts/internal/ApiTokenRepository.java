package org.shortwave.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.shortwave.accounts.ApiToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        return jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(userId, name, tokenHash, offset(createdAt), offset(expiresAt)).query(Long.class).single();
    }

    /** The user of a token with this hash that is live at {@code now}, marking the token used. */
    public Optional<Long> use(String tokenHash, Instant now) {
        return jdbc.sql("""
                update api_token set last_used_at = ?
                where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)
                returning user_id""")
                .params(offset(now), tokenHash, offset(now)).query(Long.class).optional();
    }

    public Optional<ApiToken> find(long tokenId) {
        return jdbc.sql("select * from api_token where id = ?").param(tokenId).query(ApiTokenRepository::token)
                .optional();
    }

    public List<ApiToken> ofUser(long userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by created_at desc, id desc").param(userId)
                .query(ApiTokenRepository::token).list();
    }

    /** Revokes a live token; false if it was revoked already. */
    public boolean revoke(long tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(offset(now), tokenId).update() == 1;
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
