package org.shortwave.distribution;

import java.util.List;
import org.shortwave.i18n.Edition;

/** A feed's content: the page it follows (edition home, section, topic), its title and its newest stories. */
public record FeedChannel(Edition edition, String title, String pagePath, List<FeedEntry> entries) {
}
