package org.shortwave.site;

import java.util.List;
import java.util.Map;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.media.MediaItem;

/**
 * A page of story lists: the edition home (a lead story, then the latest by section), a section, a topic.
 * {@code heading} is the page's h1.
 */
public record ListingPage(Chrome chrome, String heading, ArticleTeaser lead, List<TeaserBlock> blocks,
        Map<Long, MediaItem> media, PageHead head) {

    public ListingPage withHead(PageHead head) {
        return new ListingPage(chrome, heading, lead, blocks, media, head);
    }

    public MediaItem image(ArticleTeaser teaser) {
        return teaser.imageId() == null ? null : media.get(teaser.imageId());
    }

    public boolean isEmpty() {
        return lead == null && blocks.stream().allMatch(b -> b.items().isEmpty());
    }
}
