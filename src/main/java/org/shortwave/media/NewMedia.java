package org.shortwave.media;

/** A media item to add to the library; the file itself is stored first with {@link MediaLibrary#storeFile}. */
public record NewMedia(String sourceKey, String kind, StoredFile file, Integer width, Integer height, String altText,
        String caption, String credit, String title, Integer durationSeconds, Long posterId, StoredFile captions,
        String captionsLang) {

    public static NewMedia image(String sourceKey, StoredFile file, int width, int height, String altText,
            String caption, String credit) {
        return new NewMedia(sourceKey, "image", file, width, height, altText, caption, credit, null, null, null, null,
                null);
    }

    public static NewMedia video(String sourceKey, StoredFile file, String title, int durationSeconds, Long posterId,
            StoredFile captions, String captionsLang) {
        return new NewMedia(sourceKey, "video", file, null, null, null, null, null, title, durationSeconds, posterId,
                captions, captionsLang);
    }
}
