package org.shortwave.accounts;

import java.util.List;
import org.shortwave.accounts.internal.AuditRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log: who did what to which user or article, when. Entries are only ever added. */
@Service
public class AuditLog {

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records an action; joins the caller's transaction, so the entry exists exactly when the action does. */
    @Transactional
    public void record(Account actor, String action, String targetType, Object targetId, String detail) {
        repository.insert(actor == null ? null : actor.id(), actor == null ? "system" : actor.email(), action,
                targetType, targetId == null ? null : targetId.toString(), detail);
    }

    /** Records an action by someone who is not (yet) an account, e.g. a failed sign-in. */
    @Transactional
    public void recordAnonymous(String actor, String action, String detail) {
        repository.insert(null, actor, action, null, null, detail);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return repository.latest(limit);
    }
}
