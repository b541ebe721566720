package org.shortwave.editorial.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shortwave.accounts.Account;
import org.springframework.stereotype.Component;

/**
 * Who has which article open in the editor, so that a second editor is warned. Kept in memory on each node: with
 * several nodes a warning may be missed (the save conflict still protects the text).
 */
@Component
class EditingPresence {

    static final Duration RECENT = Duration.ofMinutes(10);

    private final Map<Long, Map<String, Instant>> openBy = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Records that the user opened the article; returns the others who opened it recently. */
    List<String> open(long articleId, Account user) {
        Instant now = clock.instant();
        Map<String, Instant> users = openBy.computeIfAbsent(articleId, id -> new ConcurrentHashMap<>());
        users.values().removeIf(at -> at.isBefore(now.minus(RECENT)));
        String self = user.displayName() + " <" + user.email() + ">";
        users.put(self, now);
        if (openBy.size() > 10_000) {
            openBy.clear(); // bounded memory; losing a warning costs nothing, the save conflict still protects
        }
        return users.keySet().stream().filter(u -> !u.equals(self)).sorted().toList();
    }
}
