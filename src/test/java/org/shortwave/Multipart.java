package org.shortwave;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body, as a browser's upload form sends it, for tests that upload over HTTP. */
public final class Multipart {

    private final String boundary = "shortwave-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public Multipart file(String name, String filename, String contentType, byte[] bytes) {
        return part(name, filename, contentType, bytes);
    }

    /** Any part: {@code filename} and {@code contentType} may be null (a plain field has neither). */
    public Multipart part(String name, String filename, String contentType, byte[] bytes) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its closing boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    /** A POST of this body. */
    public HttpRequest.Builder post(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes()));
    }
}
