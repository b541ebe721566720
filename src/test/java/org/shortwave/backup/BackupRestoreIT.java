package org.shortwave.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.AppTestBase;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.ShortwaveApplication;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaStore;
import org.shortwave.media.MediaUploads;
import org.shortwave.media.TestFiles;
import org.shortwave.search.SearchIndexing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore drill: content is created, backed up, more content is created; the archive is restored into a fresh
 * installation (new data directory and database), which then holds exactly the backed-up state, with every media
 * file present and matching the hash its rows name, and a search index rebuilt from it.
 */
@ExtendWith(DefaultPortsTaken.class)
class BackupRestoreIT extends AppTestBase {

    @Autowired
    Backups backups;
    @Autowired
    MediaUploads uploads;
    @Autowired
    org.shortwave.media.MediaLibrary library;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    Environment environment;
    @Autowired
    RestoreCommand restoreCommand;

    /** A database made on the tests' PostgreSQL server for the fresh installation, dropped afterwards. */
    private String createdDatabase;

    @org.junit.jupiter.api.AfterEach
    void dropCreatedDatabase() {
        if (createdDatabase != null) {
            jdbc.sql("drop database if exists " + createdDatabase + " with (force)").update();
        }
    }

    @Test
    void aBackupRestoredIntoAFreshInstallationHoldsExactlyTheBackedUpState() throws Exception {
        Account editor = accounts.create(null, "backup-" + UUID.randomUUID() + "@example.org", "Lin Yu",
                "harbour lights at dusk", false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        Account signedIn = accounts.find(editor.id()).orElseThrow();
        long section = taxonomy.ensureSection("en", "backup-tests", "Backup tests", 95);

        MediaItem photo = uploads.acceptImage(TestFiles.uniqueJpeg(900, 500), "Ferry at the pier", null, null, null);
        library.assignOwner(photo.id(), "en", null); // an en upload (docs/media.md)
        long before = workflow.create(signedIn, story(section, "Ferry timetable drill", photo));
        int version = workflow.publish(signedIn, before, 1, null, null);
        MediaItem draftPhoto = uploads.acceptImage(TestFiles.uniqueJpeg(640, 480), "Pier at night", null, null, null);
        library.assignOwner(draftPhoto.id(), "en", null); // an en upload (docs/media.md)
        long draft = workflow.create(signedIn, story(section, "Pier lights draft", draftPhoto));

        Path archive = Files.createTempDirectory(Path.of("target"), "backup-").resolve("shortwave.zip");
        long started = System.nanoTime();
        Backups.BackupReport backup = backups.backup(archive);
        System.out.printf("Restore drill: backup of %d tables, %,d rows, %d media files: %,d bytes in %d ms%n",
                backup.tables().size(), backup.tables().values().stream().mapToLong(f -> f.rows()).sum(),
                backup.mediaFiles().size(), backup.bytes(), (System.nanoTime() - started) / 1_000_000);
        assertThat(backup.mediaFiles()).contains(photo.filePath(), draftPhoto.filePath())
                .containsAll(photo.renditions().stream().map(r -> r.filePath()).toList());
        assertThat(backup.tables()).containsKeys("article", "media", "change_log", "app_user");

        // After the backup: a new story with a new photo, and an edit of the first.
        MediaItem later = uploads.acceptImage(TestFiles.uniqueJpeg(800, 600), "Harbour crane", null, null, null);
        library.assignOwner(later.id(), "en", null); // an en upload (docs/media.md)
        long after = workflow.create(signedIn, story(section, "Crane inspection", later));
        workflow.publish(signedIn, after, 1, null, null);
        workflow.save(signedIn, before, version, story(section, "Ferry timetable drill, updated", photo));

        assertThatThrownBy(() -> backups.backup(archive)).hasMessageContaining("exists already");

        try (ConfigurableApplicationContext restored = freshInstallation()) {
            Backups target = restored.getBean(Backups.class);
            long restoring = System.nanoTime();
            Backups.RestoreReport report = target.restore(archive);
            System.out.printf("Restore drill: restore with %d articles indexed in %d ms%n", report.indexedArticles(),
                    (System.nanoTime() - restoring) / 1_000_000);
            assertThat(report.tables()).isEqualTo(backup.tables());
            assertThat(report.mediaFiles()).isEqualTo(backup.mediaFiles().size());

            JdbcClient db = restored.getBean(JdbcClient.class);
            assertThat(headline(db, before)).contains("Ferry timetable drill");
            assertThat(headline(db, draft)).contains("Pier lights draft");
            assertThat(headline(db, after)).isEmpty();
            assertThat(db.sql("select count(*) from media where id = ?").param(later.id()).query(Long.class)
                    .single()).isZero();

            MediaStore store = restored.getBean(MediaStore.class);
            List<String> named = db.sql("""
                    select file_path from media union select captions_path from media where captions_path is not null
                    union select file_path from media_rendition""").query(String.class).list();
            assertThat(named).hasSameElementsAs(backup.mediaFiles());
            for (String key : named) {
                assertThat(sha256(store, key)).as(key).isEqualTo(key.replaceAll(".*/([0-9a-f]{64})\\..*", "$1"));
            }
            assertThat(store.exists(later.filePath())).isFalse();

            SearchIndexing search = restored.getBean(SearchIndexing.class);
            assertThat(search.health().healthy()).isTrue();
            assertThat(report.indexedArticles()).isEqualTo(search.health().databaseCount()).isPositive();

            // New rows get new ids, past the restored ones.
            long lastRestored = db.sql("select max(seq) from change_log").query(Long.class).single();
            long next = db.sql("insert into change_log (kind) values ('lists_changed') returning seq")
                    .query(Long.class).single();
            assertThat(next).isGreaterThan(lastRestored);

            // Restoring again into what is no longer empty is refused, and changes nothing.
            assertThatThrownBy(() -> target.restore(archive)).isInstanceOf(Backups.BackupException.class)
                    .hasMessageContaining("not empty");
            assertThat(headline(db, before)).contains("Ferry timetable drill");
        }
    }

    @Test
    void theRestoreCommandRefusesAnInstallationWithContent() throws Exception {
        Path archive = Files.createTempDirectory(Path.of("target"), "backup-").resolve("refused.zip");
        backups.backup(archive);
        long articles = articlesWritten();

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        int status;
        try {
            status = restoreCommand.run(List.of("--from", archive.toString()));
        } finally {
            System.setErr(err);
        }
        assertThat(status).isEqualTo(1);
        assertThat(captured.toString("UTF-8")).contains("not empty", "rows in article");
        assertThat(articlesWritten()).isEqualTo(articles);
    }

    @Test
    void aFileThatIsNotABackupIsRefusedClearly() throws Exception {
        Path notBackup = Files.createTempFile(Path.of("target"), "not-a-backup-", ".zip");
        Files.writeString(notBackup, "hello");
        assertThatThrownBy(() -> backups.restore(notBackup)).isInstanceOf(Backups.BackupException.class)
                .hasMessageContaining("could not read");
        assertThat(restoreCommand.run(List.of())).isEqualTo(2);
    }

    /** A second Shortwave on a new data directory, and on a new database when the tests use a server. */
    private ConfigurableApplicationContext freshInstallation() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "restore-");
        List<String> args = new ArrayList<>(List.of("--shortwave.data-dir=" + dataDir.toAbsolutePath(),
                "--server.port=-1", "--management.server.port=-1", "--shortwave.demo-content=false", "--spring.main.banner-mode=off"));
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            String database = "shortwave_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            jdbc.sql("create database " + database).update();
            createdDatabase = database;
            args.add("--spring.datasource.url=" + url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1"));
        }
        return new SpringApplicationBuilder(ShortwaveApplication.class).run(args.toArray(String[]::new));
    }

    private static ArticleContent story(long section, String headline, MediaItem photo) {
        return new ArticleContent("en", section, headline, "backup-" + UUID.randomUUID().toString().substring(0, 8),
                "A lead.", "PORTVILLE (Shortwave) —", List.of(new Block.Paragraph(InlineHtml.sanitize("Text.")),
                new Block.Image(photo.id(), null, null)), photo.id(), List.of(), List.of(), "Shortwave");
    }

    private static java.util.Optional<String> headline(JdbcClient db, long id) {
        return db.sql("select headline from article where id = ?").param(id).query(String.class).optional();
    }

    private static String sha256(MediaStore store, String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store.read(key, 0, store.size(key).orElseThrow())) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Articles people wrote: derived zh-hant versions arrive from the change feed at any time. */
    private long articlesWritten() {
        return jdbc.sql("select count(*) from article where derived_from is null").query(Long.class).single();
    }
}
