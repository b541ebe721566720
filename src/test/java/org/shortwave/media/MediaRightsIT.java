package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewArticle;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Newsroom media by rights (docs/media.md): an item's texts and files go to admins, its uploader, and users with a
 * role in an edition it belongs to (its owning edition, or one whose stories show it); a public item to any
 * newsroom user. Checked through {@link MediaLibrary#visibleTo}, {@code GET /admin/media/{id}} and the file itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaRightsIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    MediaUploads uploads;
    @Autowired
    MediaLibrary library;
    @Autowired
    Accounts accounts;
    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    org.shortwave.accounts.ApiTokens tokens;

    private final Map<String, Account> users = new java.util.HashMap<>();
    private final Map<String, NewsroomBrowser> sessions = new java.util.HashMap<>();
    private MediaItem zhPhoto;
    private MediaItem sharedToEn;
    private MediaItem enPhoto;

    @BeforeAll
    void setUp() {
        user("zh", false, Map.of("zh-hans", Role.CONTRIBUTOR));
        user("en", false, Map.of("en", Role.EDITOR));
        user("none", false, Map.of());
        user("admin", true, Map.of());
        String marker = "rights" + UUID.randomUUID().toString().substring(0, 8);
        zhPhoto = owned("zh-hans", marker + " zh photo");
        sharedToEn = owned("zh-hans", marker + " zh photo used in en");
        enPhoto = owned("en", marker + " en photo");
        // An en story (a draft) shows the second zh photo: it now belongs to en as well.
        long section = taxonomy.sections("en").getFirst().id();
        store.create(new NewArticle(null, new ArticleContent("en", section, "Cranes", "cranes-" + marker, "", "",
                List.of(new Block.Paragraph(InlineHtml.sanitize("Text.")), new Block.Image(sharedToEn.id(), null,
                        null)), null, List.of(), List.of(), "Shortwave"), ArticleStatus.DRAFT, null, null), null);
    }

    @Test
    void theLibraryListsWhatEachUserMaySee() {
        MediaFilter mine = new MediaFilter("image", zhPhoto.altText().substring(0, 14), null, 0, 50);
        assertThat(ids(users.get("zh"), mine)).containsExactlyInAnyOrder(zhPhoto.id(), sharedToEn.id());
        assertThat(ids(users.get("en"), mine)).containsExactlyInAnyOrder(sharedToEn.id(), enPhoto.id());
        assertThat(ids(users.get("none"), mine)).isEmpty();
        assertThat(ids(users.get("admin"), mine)).containsExactlyInAnyOrder(zhPhoto.id(), sharedToEn.id(),
                enPhoto.id());
        // Narrowed to one edition, and by kind.
        assertThat(ids(users.get("admin"), mine.inEdition("en"))).containsExactlyInAnyOrder(sharedToEn.id(),
                enPhoto.id());
        assertThat(ids(users.get("admin"), new MediaFilter("video", mine.text(), null, 0, 50))).isEmpty();
        assertThat(library.visibleTo(null, mine)).isEmpty();
    }

    @Test
    void anItemsTextAndFileGoOnlyToThoseWhoMaySeeIt() {
        for (String who : List.of("zh", "en", "none", "admin")) {
            boolean may = !who.equals("en") && !who.equals("none");
            NewsroomBrowser session = sessions.get(who);
            assertThat(session.get("/admin/media/" + zhPhoto.id()).statusCode()).as(who).isEqualTo(may ? 200 : 404);
            assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/admin/v1/media/" + zhPhoto.id()))
                    .header("Authorization", "Bearer " + tokens.create(users.get(who), "media rights")).build())
                    .statusCode()).as(who).isEqualTo(may ? 200 : 404);
            assertThat(session.get(zhPhoto.url()).statusCode()).as(who).isEqualTo(may ? 200 : 404);
            for (Rendition copy : zhPhoto.renditions()) {
                assertThat(session.get(copy.url()).statusCode()).as(who + " " + copy.url())
                        .isEqualTo(may ? 200 : 404);
            }
        }
        assertThat(sessions.get("en").get("/admin/media/" + sharedToEn.id()).statusCode()).isEqualTo(200);
        assertThat(sessions.get("en").get("/admin/media/" + sharedToEn.id()).body()).doesNotContain("\"edition\"");
    }

    @Test
    void anUploadNamesOnlyAnEditionOfTheUploaders() {
        NewsroomBrowser en = sessions.get("en");
        String csrf = en.csrf("/admin/");
        var refused = en.send(new org.shortwave.Multipart().field("alt", "A crane").field("edition", "zh-hans")
                .file("file", "crane.jpg", "image/jpeg", TestFiles.uniqueJpeg(400, 300))
                .post(uri("/admin/media")).header("X-CSRF-TOKEN", csrf).build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"field\":\"edition\"").contains("media.edition.not-allowed");
    }

    private List<Long> ids(Account user, MediaFilter filter) {
        return library.visibleTo(user, filter).stream().map(MediaItem::id).toList();
    }

    private MediaItem owned(String edition, String alt) {
        MediaItem item = uploads.acceptImage(TestFiles.uniqueJpeg(700, 400), alt, null, null, null);
        library.assignOwner(item.id(), edition, null);
        return item;
    }

    private void user(String name, boolean admin, Map<String, Role> roles) {
        String email = "media-rights-" + name + "-" + UUID.randomUUID() + "@example.org";
        Account account = accounts.create(null, email, "Media " + name, PASSWORD, admin);
        roles.forEach((edition, role) -> accounts.grant(null, account.id(), edition, role));
        users.put(name, accounts.find(account.id()).orElseThrow());
        NewsroomBrowser session = new NewsroomBrowser(this::uri);
        session.signIn(email, PASSWORD);
        sessions.put(name, session);
    }
}
