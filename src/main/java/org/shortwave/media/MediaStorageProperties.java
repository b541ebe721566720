package org.shortwave.media;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where media files are kept ({@code shortwave.media.storage}, {@code shortwave.media.s3.*}).
 *
 * @param storage {@code local} (files under {@code shortwave.data-dir/media}) or {@code s3}
 * @param s3 the bucket, when {@code storage=s3}
 */
@ConfigurationProperties("shortwave.media")
public record MediaStorageProperties(@DefaultValue("local") Kind storage, @DefaultValue S3 s3) {

    public enum Kind { LOCAL, S3 }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph...).
     *
     * @param endpoint the service's address; empty for AWS S3 itself (the region decides)
     * @param region the region (MinIO and R2 accept any, e.g. {@code us-east-1} or {@code auto})
     * @param bucket the bucket; it must exist
     * @param prefix a key prefix inside the bucket, e.g. {@code shortwave/}; empty for none
     * @param pathStyle {@code https://host/bucket/key} instead of {@code https://bucket.host/key} (MinIO, most
     *     self-hosted servers)
     * @param accessKey access key id; empty to use the SDK's default credentials (environment, profile, instance
     *     role)
     * @param secretKey secret access key
     * @param publicUrl where readers can fetch the bucket's files directly (public bucket or a CDN in front of
     *     it), e.g. {@code https://media.example.org/}; when set, {@code /media/...} of a public file answers
     *     with a redirect there instead of streaming the file through Shortwave
     */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket,
            @DefaultValue("") String prefix, @DefaultValue("false") boolean pathStyle, String accessKey,
            String secretKey, URI publicUrl) {
    }
}
