package org.shortwave.content;

/**
 * One language version of a story, as the newsroom sees it (any state).
 *
 * @param derivedFrom the article it is converted from, or null
 * @param followsSource false once an editor has taken a derived article over
 */
public record StoryVersion(long id, String editionCode, String headline, ArticleStatus status, Long derivedFrom,
        boolean followsSource) {

    /**
     * A version the user may neither open nor read publicly: only its edition is told (why a link to that edition
     * is refused), never its id, headline or state.
     */
    public static StoryVersion withheld(String editionCode) {
        return new StoryVersion(0, editionCode, null, null, null, false);
    }

    public boolean isWithheld() {
        return id == 0;
    }
}
