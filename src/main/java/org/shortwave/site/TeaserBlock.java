package org.shortwave.site;

import java.util.List;
import org.shortwave.content.ArticleTeaser;

/**
 * A list of stories after an article or on a listing page. {@code id} is the block's anchor, the target of the
 * "skip" link before the previous block; {@code href}, if set, is where the block's title leads (a section page).
 */
public record TeaserBlock(String id, String title, String href, List<ArticleTeaser> items) {

    public TeaserBlock(String id, String title, List<ArticleTeaser> items) {
        this(id, title, null, items);
    }
}
