package org.shortwave.content;

import java.text.Normalizer;

/**
 * How a story shows in search results and link cards, where it differs from the story itself: the search
 * description ({@code <meta name="description">}, else the lead), the social title (Open Graph and Twitter, else
 * the headline) and the social image (else the main image). Blank texts and a null image mean "the default".
 */
public record SearchAppearance(String description, String socialTitle, Long socialImageId) {

    public static final int MAX_DESCRIPTION = 300;
    public static final int MAX_SOCIAL_TITLE = 200;
    public static final SearchAppearance NONE = new SearchAppearance("", "", null);

    public SearchAppearance {
        description = text(description, "search description", "searchDescription", MAX_DESCRIPTION);
        socialTitle = text(socialTitle, "social title", "socialTitle", MAX_SOCIAL_TITLE);
        if (socialImageId != null && socialImageId <= 0) {
            throw new IllegalArgumentException("social image must be chosen");
        }
    }

    /** The search description, else the lead, else the headline. */
    public String descriptionOr(String lead, String headline) {
        return !description.isEmpty() ? description : !lead.isEmpty() ? lead : headline;
    }

    public String socialTitleOr(String headline) {
        return socialTitle.isEmpty() ? headline : socialTitle;
    }

    public Long socialImageOr(Long mainImageId) {
        return socialImageId != null ? socialImageId : mainImageId;
    }

    private static String text(String text, String what, String field, int max) {
        String clean = text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        ArticleContent.refuseReordering(clean, what, field);
        if (clean.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return clean;
    }
}
