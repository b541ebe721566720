package org.shortwave.content;

import java.util.List;
import java.time.Clock;
import org.shortwave.content.internal.ChangeLogRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The change log: one row per content write, appended in the write's transaction (DESIGN.md section 4). Consumers
 * that keep state of their own (a search index) record the last seq they applied and catch up with {@link #since}.
 */
@Service
public class ChangeLog {

    private final ChangeLogRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeLog(ChangeLogRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a change as part of the caller's transaction, which must exist; once it commits, this node publishes
     * {@link ContentCommitted} at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(ChangeKind kind, Long articleId, String editionCode) {
        return append(kind, articleId, editionCode, null);
    }

    /**
     * Records a change of a section, topic or person ({@code subjectId}) of an edition (null for a person), as part
     * of the caller's transaction, like {@link #record}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordTaxonomy(ChangeKind kind, String editionCode, long subjectId) {
        if (kind != ChangeKind.SECTION_CHANGED && kind != ChangeKind.TOPIC_CHANGED
                && kind != ChangeKind.PERSON_CHANGED) {
            throw new IllegalArgumentException(kind + " is not a change of sections, topics or people");
        }
        return append(kind, null, editionCode, subjectId);
    }

    private long append(ChangeKind kind, Long articleId, String editionCode, Long subjectId) {
        long seq = repository.append(kind, articleId, editionCode, subjectId);
        ContentChanged change = new ContentChanged(seq, kind, articleId, editionCode, clock.instant(), subjectId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(new ContentCommitted(change));
            }
        });
        return seq;
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
