package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.NewsroomBrowser;
import org.shortwave.TestClock;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Media of stories the public may not see (draft, scheduled, embargoed, unpublished) answer 404 to readers, exactly
 * like a file that does not exist, and 200 with {@code private, no-store} to signed-in newsroom users; they turn
 * public, with a year's immutable caching, when a story showing them does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaVisibilityIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";
    private static final String IMMUTABLE = "max-age=31536000, public, immutable";
    private static final String MISSING = "/media/00/" + "0".repeat(64) + ".jpg";

    @Autowired
    MediaUploads uploads;
    @Autowired
    MediaLibrary library;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    TestClock clock;

    Account editor;
    NewsroomBrowser newsroom;
    long section;

    @BeforeAll
    void setUp() {
        String email = "media-vis-" + UUID.randomUUID() + "@example.org";
        editor = accounts.create(null, email, "Chen Jing", PASSWORD, false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        editor = accounts.find(editor.id()).orElseThrow();
        section = taxonomy.ensureSection("en", "media-visibility-tests", "Media visibility tests", 96);
        newsroom = new NewsroomBrowser(this::uri);
        assertThat(newsroom.signIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void mediaOfADraftAreHiddenFromReadersAndShownToTheNewsroomPrivately() {
        MediaItem photo = photo();
        workflow.create(editor, story(photo));

        assertHiddenFromReaders(photo);
        assertPrivateToNewsroom(photo);
        for (Rendition copy : photo.renditions()) {
            assertThat(get(copy.url()).statusCode()).as(copy.url()).isEqualTo(404);
        }
    }

    @Test
    void mediaOfAScheduledStoryBecomePublicWhenItsTimeComes() {
        MediaItem photo = photo();
        long id = workflow.create(editor, story(photo));
        workflow.publish(editor, id, 1, NOW.plus(Duration.ofHours(2)), null);

        assertHiddenFromReaders(photo);
        assertPrivateToNewsroom(photo);

        clock.advance(Duration.ofHours(3));
        assertPublic(photo);
    }

    @Test
    void mediaOfAnEmbargoedStoryStayHiddenUntilTheEmbargoEnds() {
        MediaItem photo = photo();
        long id = workflow.create(editor, story(photo));
        workflow.publish(editor, id, 1, null, NOW.plus(Duration.ofHours(1)));

        assertHiddenFromReaders(photo);
        assertPrivateToNewsroom(photo);

        clock.advance(Duration.ofHours(2));
        assertPublic(photo);
    }

    @Test
    void publishingMakesMediaPublicAndUnpublishingHidesThemAgain() {
        MediaItem photo = photo();
        MediaItem inBody = photo();
        long id = workflow.create(editor, story(photo, inBody));
        int published = workflow.publish(editor, id, 1, null, null);

        assertPublic(photo);
        assertPublic(inBody);

        workflow.unpublish(editor, id, published);
        awaitRestricted(photo);
        awaitRestricted(inBody);
        assertHiddenFromReaders(photo);
        assertHiddenFromReaders(inBody);
        assertPrivateToNewsroom(photo);
    }

    @Test
    void mediaSharedWithAPublishedStoryStayPublicWhenTheOtherIsUnpublished() {
        MediaItem shared = photo();
        MediaItem onlyInOther = photo();
        long kept = workflow.create(editor, story(shared));
        workflow.publish(editor, kept, 1, null, null);
        long other = workflow.create(editor, story(shared, onlyInOther));
        int version = workflow.publish(editor, other, 1, null, null);
        assertPublic(onlyInOther);

        workflow.unpublish(editor, other, version);
        awaitRestricted(onlyInOther); // the unpublishing has been handled

        assertPublic(shared);
        assertHiddenFromReaders(onlyInOther);
    }

    @Test
    void rangesConditionalRequestsAndHeadAreAnswered() {
        MediaItem photo = photo();
        long id = workflow.create(editor, story(photo));
        workflow.publish(editor, id, 1, null, null);

        HttpResponse<String> part = send(HttpRequest.newBuilder(uri(photo.url())).header("Range", "bytes=0-9").build());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + photo.byteSize());
        assertThat(part.headers().firstValue("Content-Length")).hasValue("10");

        HttpResponse<String> tail = send(HttpRequest.newBuilder(uri(photo.url())).header("Range", "bytes=-4").build());
        assertThat(tail.headers().firstValue("Content-Range"))
                .hasValue("bytes " + (photo.byteSize() - 4) + "-" + (photo.byteSize() - 1) + "/" + photo.byteSize());

        HttpResponse<String> beyond = send(HttpRequest.newBuilder(uri(photo.url()))
                .header("Range", "bytes=" + photo.byteSize() + "-").build());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + photo.byteSize());

        HttpResponse<String> whole = get(photo.url());
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = send(HttpRequest.newBuilder(uri(photo.url())).header("If-None-Match", etag)
                .build());
        assertThat(unchanged.statusCode()).isEqualTo(304);

        HttpResponse<String> head = send(HttpRequest.newBuilder(uri(photo.url()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(photo.byteSize()));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void malformedMediaPathsAreNotFound() {
        String hash = "ab" + "c".repeat(62);
        for (String path : List.of("/media/ab/" + hash + ".exe", "/media/cd/" + hash + ".jpg", "/media/ab/x.jpg",
                "/media/AB/" + hash.toUpperCase() + ".jpg")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    // --- helpers

    private MediaItem photo() {
        MediaItem photo = uploads.acceptImage(TestFiles.uniqueJpeg(700, 400), "A harbour crane at dusk", null, null,
                null);
        library.assignOwner(photo.id(), "en", null); // an upload of the en edition, where the editor works
        return photo;
    }

    private ArticleContent story(MediaItem main, MediaItem... inBody) {
        List<Block> body = new java.util.ArrayList<>(List.of(new Block.Paragraph(InlineHtml.sanitize("Text."))));
        for (MediaItem item : inBody) {
            body.add(new Block.Image(item.id(), null, null));
        }
        return new ArticleContent("en", section, "Cranes at dusk", "cranes-" + UUID.randomUUID().toString()
                .substring(0, 8), "A lead.", "PORTVILLE (Shortwave) —", body, main.id(), List.of(), List.of(),
                "Shortwave");
    }

    private void assertHiddenFromReaders(MediaItem item) {
        HttpResponse<String> missing = get(MISSING);
        HttpResponse<String> response = get(item.url());
        assertThat(response.statusCode()).as(item.url()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(missing.body());
        assertThat(response.headers().firstValue("Cache-Control"))
                .isEqualTo(missing.headers().firstValue("Cache-Control"));
    }

    private void assertPrivateToNewsroom(MediaItem item) {
        HttpResponse<String> response = newsroom.get(item.url());
        assertThat(response.statusCode()).as(item.url()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    private void assertPublic(MediaItem item) {
        for (HttpResponse<String> response : List.of(get(item.url()), newsroom.get(item.url()))) {
            assertThat(response.statusCode()).as(item.url()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
        }
    }

    private String visibility(MediaItem item) {
        return jdbc.sql("select visibility from media where id = ?").param(item.id()).query(String.class).single();
    }

    /** The change feed runs on its own thread: wait (bounded) for its listener, never sleep a fixed time. */
    private void awaitRestricted(MediaItem item) {
        Await.until(() -> visibility(item).equals("restricted"), "media " + item.id() + " to be restricted",
                Duration.ofSeconds(20));
    }
}
