package org.shortwave.content;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status changes for test articles, written as the newsroom will write them: the row and its change-log entry in one
 * transaction. (ArticleStore has no publish/unpublish/delete yet; the newsroom issue adds them.) Each returns the
 * change's seq.
 */
public final class ArticleChanges {

    private final JdbcClient jdbc;
    private final ChangeLog changes;
    private final TransactionTemplate transactions;

    public ArticleChanges(JdbcClient jdbc, ChangeLog changes, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.transactions = transactions;
    }

    public long publish(long id, Instant at) {
        return write(id, ChangeKind.ARTICLE_PUBLISHED,
                "update article set status = 'published', published_at = ? where id = ?", at.atOffset(ZoneOffset.UTC));
    }

    public long unpublish(long id) {
        return write(id, ChangeKind.ARTICLE_UNPUBLISHED, "update article set status = 'unpublished' where id = ?");
    }

    public long delete(long id) {
        return write(id, ChangeKind.ARTICLE_DELETED, "update article set deleted_at = now() where id = ?");
    }

    public long retitle(long id, String headline) {
        return write(id, ChangeKind.ARTICLE_SAVED, "update article set headline = ? where id = ?", headline);
    }

    private long write(long id, ChangeKind kind, String sql, Object... before) {
        Long seq = transactions.execute(status -> {
            Object[] params = new Object[before.length + 1];
            System.arraycopy(before, 0, params, 0, before.length);
            params[before.length] = id;
            jdbc.sql(sql).params(params).update();
            String edition = jdbc.sql("select edition_code from article where id = ?").param(id).query(String.class).single();
            return changes.record(kind, id, edition);
        });
        return seq;
    }
}
