package org.shortwave.editorial.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.shortwave.accounts.Account;
import org.shortwave.editorial.internal.PresenceRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who has which article open in the editor, so that a second editor is warned. Kept in the shared database, so the
 * warning comes whichever node each editor reaches (the save conflict protects the text in any case).
 */
@Component
class EditingPresence {

    static final Duration RECENT = Duration.ofMinutes(10);

    private final PresenceRepository repository;
    private final Clock clock = Clock.systemUTC();

    EditingPresence(PresenceRepository repository) {
        this.repository = repository;
    }

    /** Records that the user opened the article; returns the others who opened it recently. */
    List<String> open(long articleId, Account user) {
        Instant now = clock.instant();
        return repository.open(articleId, user.displayName() + " <" + user.email() + ">", now, now.minus(RECENT));
    }

    /** Old openings are of no use: every node may sweep them, the delete is idempotent. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void forgetOld() {
        repository.forget(clock.instant().minus(RECENT));
    }
}
