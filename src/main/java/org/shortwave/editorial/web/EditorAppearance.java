package org.shortwave.editorial.web;

import java.util.List;
import org.shortwave.content.Slugs;
import org.shortwave.media.MediaItem;

/**
 * How the story shows outside the editor, for the editor's panels, from the form's values (saved, or as posted):
 * its public address when readers can see it now ("View on site", by the one visibility rule, else null); how a
 * search result and a link card would show it, with the same defaults as the public page's head (description:
 * else the lead; title: else the headline; image: else the main photo); and its length.
 */
public record EditorAppearance(String publicPath, String title, String description, String displayUrl,
        String cardTitle, MediaItem cardImage, String siteName, TextCount count) {

    static EditorAppearance of(String publicPath, String editionCode, Long articleId, EditorForm form,
            List<MediaItem> images, String origin, String siteName) {
        String headline = form.headline().strip();
        String description = !form.searchDescription().isBlank() ? form.searchDescription().strip()
                : form.lead().strip();
        String slug = !form.slug().isBlank() ? form.slug().strip() : Slugs.fromHeadline(headline);
        String path = publicPath != null ? publicPath
                : "/" + editionCode + "/" + slug + "/a-" + (articleId == null ? "…" : articleId);
        String cardTitle = form.socialTitle().isBlank() ? headline : form.socialTitle().strip();
        String imageId = !form.socialImage().isBlank() ? form.socialImage().strip() : form.mainImage().strip();
        MediaItem image = images.stream().filter(m -> String.valueOf(m.id()).equals(imageId)).findFirst().orElse(null);
        return new EditorAppearance(publicPath, headline, description, origin + path, cardTitle, image, siteName,
                TextCount.of(editionCode, form));
    }
}
