package org.shortwave.search;

import org.shortwave.content.ArticleTeaser;

/** One search result: the article (re-read from the database) and a snippet as safe HTML (escaped text, {@code <mark>}). */
public record SearchHit(ArticleTeaser article, String snippetHtml) {
}
