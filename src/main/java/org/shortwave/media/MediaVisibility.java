package org.shortwave.media;

import java.time.Clock;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ContentChanged;
import org.shortwave.media.internal.MediaRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps each media item's visibility by the one rule: public while an article the public may see shows it,
 * restricted otherwise. Every change of an article re-checks the items it shows, so publishing turns its media public
 * and unpublishing (or deleting) turns them restricted again unless another public article shows them too.
 * Idempotent, so every node may do it for every change. Items an article stopped showing keep their visibility.
 */
@Component
class MediaVisibility {

    private static final Logger log = LoggerFactory.getLogger(MediaVisibility.class);

    private final MediaRepository repository;
    private final Clock clock;

    MediaVisibility(MediaRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener // one UPDATE statement: no transaction of its own needed
    @Order(ChangeListenerOrder.DERIVATION)
    public void on(ContentChanged change) {
        if (change.articleId() == null) {
            return;
        }
        try {
            int changed = repository.refreshShownBy(change.articleId(), clock.instant());
            if (changed > 0) {
                log.debug("{} media items of article {} changed visibility", changed, change.articleId());
            }
        } catch (DataAccessException e) {
            // Never hold up the change feed (and every other listener) on this; serving re-checks publication.
            log.error("could not update the visibility of the media of article {}", change.articleId(), e);
        }
    }
}
