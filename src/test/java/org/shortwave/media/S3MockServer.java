package org.shortwave.media;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.shortwave.Await;
import org.shortwave.Ports;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe's S3Mock, an S3-compatible server, run as a process of its own on loopback (the jar comes from Maven Central
 * through the build, see pom.xml), with its files in a temporary directory. Used by the S3 media store's tests: the
 * AWS SDK talks real S3 HTTP to it, nothing is mocked in our process.
 */
final class S3MockServer implements AutoCloseable {

    static final String ACCESS_KEY = "shortwave-test";
    static final String SECRET_KEY = "shortwave-test-secret";

    private final Process process;
    private final int port;
    private final Path root;

    private S3MockServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    static S3MockServer start() throws IOException {
        Path jar = Path.of(System.getProperty("shortwave.test.s3mock-jar", "target/tools/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar missing at " + jar + ": run through ./mvnw verify");
        }
        int port = freePort();
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "s3mock")), "store-");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                "--com.adobe.testing.s3mock.http-port=" + port, "--server.port=0", "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                .start();
        S3MockServer server = new S3MockServer(process, port, root);
        server.awaitPort(Duration.ofSeconds(90));
        return server;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Store settings for a bucket on this server (the bucket is created). */
    MediaStorageProperties.S3 bucket(String name, String prefix, URI publicUrl) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(name));
        }
        return new MediaStorageProperties.S3(endpoint(), "us-east-1", name, prefix, true, ACCESS_KEY, SECRET_KEY,
                publicUrl);
    }

    private void awaitPort(Duration timeout) throws IOException {
        try {
            Await.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + root
                            + ".log");
                }
                return Ports.accepts(port);
            }, "S3Mock to listen on " + port, timeout);
        } catch (AssertionError timedOut) {
            close();
            throw new IllegalStateException(timedOut.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
