package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The S3 media store against a real S3-compatible server (S3Mock) on loopback, through the real AWS SDK. */
class S3MediaStoreIT {

    static S3MockServer server;
    static S3MediaStore store;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws IOException {
        server = S3MockServer.start();
        store = new S3MediaStore(server.bucket("media", "site/", URI.create("https://media.example.org/files")));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "upload-", ".tmp"), bytes);
    }

    @Test
    void storesAFileOnceWithItsTypeAndAYearsCachingAndRemovesTheLocalCopy() throws IOException {
        byte[] bytes = TestFiles.uniqueJpeg(200, 100);
        Path local = file(bytes);
        String key = "ab/" + MediaLibrary.sha256(bytes) + ".jpg";

        assertThat(store.exists(key)).isFalse();
        assertThat(store.put(key, local, "image/jpeg")).isTrue();
        assertThat(local).doesNotExist();
        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).contains((long) bytes.length);

        try (S3Client client = server.client()) {
            HeadObjectResponse head = client.headObject(b -> b.bucket("media").key("site/" + key));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        }

        Path again = file(bytes);
        assertThat(store.put(key, again, "image/jpeg")).as("same key, same bytes: stored once").isFalse();
        assertThat(again).doesNotExist();
    }

    @Test
    void readsWholeFilesAndByteRanges() throws IOException {
        byte[] bytes = TestFiles.uniqueJpeg(300, 200);
        String key = "cd/" + MediaLibrary.sha256(bytes) + ".jpg";
        store.put(key, file(bytes), "image/jpeg");

        try (InputStream in = store.read(key, 0, bytes.length)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.read(key, 10, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 30));
        }
        try (InputStream in = store.read(key, bytes.length - 5, 5)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
        }
    }

    @Test
    void deletesAndAnswersMissingFilesAsAbsent() throws IOException {
        byte[] bytes = TestFiles.uniqueJpeg(100, 100);
        String key = "ef/" + MediaLibrary.sha256(bytes) + ".jpg";
        store.put(key, file(bytes), "image/jpeg");

        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.size(key)).isEmpty();
        store.delete(key); // twice is fine
        assertThatThrownBy(() -> store.read(key, 0, 10).readAllBytes()).isInstanceOf(IOException.class);
    }

    @Test
    void namesTheBucketsPublicAddressWhenOneIsConfigured() {
        assertThat(store.publicUrl("ab/abc.jpg")).contains(URI.create("https://media.example.org/files/site/ab/abc.jpg"));
        assertThat(store.describe()).startsWith("s3://media/site/");
    }

    @Test
    void aBucketThatDoesNotExistIsAClearError() throws IOException {
        S3MediaStore missing = new S3MediaStore(new MediaStorageProperties.S3(server.endpoint(), "us-east-1",
                "no-such-bucket", "", true, S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, null));
        try (missing) {
            assertThatThrownBy(() -> missing.put("ab/x.jpg", file(new byte[] {1, 2, 3}), "image/jpeg"))
                    .isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
        }
    }
}
