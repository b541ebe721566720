package org.shortwave.content;

import java.util.List;
import org.shortwave.content.internal.ChangeLogRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change log: one row per content write, appended in the write's transaction (DESIGN.md section 4). Consumers
 * that keep state of their own (a search index) record the last seq they applied and catch up with {@link #since}.
 */
@Service
public class ChangeLog {

    private final ChangeLogRepository repository;

    ChangeLog(ChangeLogRepository repository) {
        this.repository = repository;
    }

    /** Records a change as part of the caller's transaction, which must exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(ChangeKind kind, Long articleId, String editionCode) {
        return repository.append(kind, articleId, editionCode);
    }

    /** Changes after {@code seq}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ContentChanged> since(long seq, int limit) {
        return repository.since(seq, limit);
    }

    @Transactional(readOnly = true)
    public long latestSeq() {
        return repository.latestSeq();
    }
}
