package org.shortwave.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media files in an S3-compatible bucket, through the AWS SDK for Java v2. Keys are the library's content-hash
 * paths under an optional prefix. Objects are written with a year's immutable {@code Cache-Control}, so that a
 * public bucket (or a CDN in front of it) serves them as Shortwave would.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final URI publicUrl;
    private final String description;

    public S3MediaStore(MediaStorageProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("shortwave.media.storage=s3 needs shortwave.media.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
        String base = settings.publicUrl() == null ? "" : settings.publicUrl().toString();
        this.publicUrl = base.isBlank() ? null : URI.create(base.endsWith("/") ? base : base + "/");
        this.description = "s3://" + bucket + "/" + prefix
                + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    private static AwsCredentialsProvider credentials(MediaStorageProperties.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey() == null ? "" : settings.secretKey()));
    }

    @Override
    public boolean put(String key, Path file, String contentType) throws IOException {
        try {
            if (exists(key)) {
                return false; // same key, same bytes
            }
            client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType)
                    .cacheControl(CACHE_CONTROL), RequestBody.fromFile(file));
            return true;
        } catch (SdkException e) {
            throw new IOException("could not store " + key + " in " + description, e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        return size(key).isPresent();
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(client.headObject(b -> b.bucket(bucket).key(prefix + key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("could not read " + key + " in " + description, e);
        } catch (SdkException e) {
            throw new IOException("could not read " + key + " in " + description, e);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        try {
            return client.getObject(b -> b.bucket(bucket).key(prefix + key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            throw new IOException("could not read " + key + " in " + description, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("could not delete " + key + " in " + description, e);
        }
    }

    @Override
    public Optional<URI> publicUrl(String key) {
        return publicUrl == null ? Optional.empty() : Optional.of(publicUrl.resolve(prefix + key));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        client.close();
    }
}
