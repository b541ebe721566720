package org.shortwave.content;

/**
 * One language version of a story, as the newsroom sees it (any state).
 *
 * @param derivedFrom the article it is converted from, or null
 * @param followsSource false once an editor has taken a derived article over
 */
public record StoryVersion(long id, String editionCode, String headline, ArticleStatus status, Long derivedFrom,
        boolean followsSource) {
}
