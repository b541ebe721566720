package org.shortwave.accounts.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String name, String tokenHash) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id")
                .params(userId, name, tokenHash).query(Long.class).single();
    }

    /** The user of a live token with this hash, marking the token used. */
    public Optional<Long> use(String tokenHash) {
        return jdbc.sql("""
                update api_token set last_used_at = now()
                where token_hash = ? and revoked_at is null returning user_id""")
                .param(tokenHash).query(Long.class).optional();
    }

    public void revoke(long tokenId) {
        jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(tokenId).update();
    }
}
