package org.shortwave.accounts.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins, by throttle key (an email or a client address), in the database all nodes share. */
@Repository
public class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String key, Instant at) {
        jdbc.sql("insert into login_failure (throttle_key, failed_at) values (?, ?)")
                .params(key, at.atOffset(ZoneOffset.UTC)).update();
    }

    /** Failures for this key at or after {@code since}, counted up to {@code limit} (enough to decide). */
    public int count(String key, Instant since, int limit) {
        return jdbc.sql("""
                select count(*) from (select 1 from login_failure where throttle_key = ? and failed_at >= ? limit ?) f""")
                .params(key, since.atOffset(ZoneOffset.UTC), limit).query(Integer.class).single();
    }

    /** Forgets failures older than {@code before}. */
    public int forget(Instant before) {
        return jdbc.sql("delete from login_failure where failed_at < ?").param(before.atOffset(ZoneOffset.UTC))
                .update();
    }
}
