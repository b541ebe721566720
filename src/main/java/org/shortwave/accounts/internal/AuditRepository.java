package org.shortwave.accounts.internal;

import java.util.List;
import org.shortwave.accounts.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Long userId, String actor, String action, String targetType, String targetId, String detail) {
        jdbc.sql("""
                insert into audit_log (user_id, actor, action, target_type, target_id, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(userId, actor, action, targetType, targetId, detail).update();
    }

    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("""
                select id, at, user_id, actor, action, target_type, target_id, detail from audit_log
                order by id desc limit ?""")
                .param(limit)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), (Long) rs.getObject("user_id"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("detail")))
                .list();
    }
}
