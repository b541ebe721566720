package org.shortwave.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Role;
import org.shortwave.media.internal.MediaUsageRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which stories use an item of the library, as the newsroom's library shows it: only stories the user may open
 * (an admin every one; an editor those of her editions; a contributor her own).
 */
@Service
public class MediaUsage {

    private final MediaUsageRepository repository;

    MediaUsage(MediaUsageRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Map<Long, List<MediaUsageRepository.Use>> of(Account user, Collection<Long> mediaIds) {
        if (user == null || !user.enabled()) {
            return Map.of();
        }
        Set<String> editorOf = user.roles().entrySet().stream().filter(e -> e.getValue() == Role.EDITOR)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return repository.usesOf(Set.copyOf(mediaIds), user.admin(), user.id(), editorOf);
    }
}
