package org.shortwave.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The address readers reach the service at ({@code shortwave.public-url}), for every absolute URL we hand out:
 * canonical and hreflang links, feeds, sitemaps, structured data. Behind a proxy or CDN the request's own host is
 * not the public one, so it is configured, never guessed from the request.
 */
@Component
public class PublicUrl {

    private final String base;
    private final String host;
    private final String origin;

    static final String DEFAULT = "http://localhost:8080";

    public PublicUrl(@Value("${shortwave.public-url:" + DEFAULT + "}") String publicUrl) {
        problem(publicUrl).ifPresent(problem -> {
            throw new BadSetting("shortwave.public-url", problem);
        });
        URI uri = URI.create(publicUrl.strip());
        String text = uri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.host = uri.getHost();
        this.origin = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * What is wrong with a value of {@code shortwave.public-url}, completing a sentence that starts with the
     * property's name; empty for an absolute http(s) URL with a host and no query or fragment.
     */
    static Optional<String> problem(String publicUrl) {
        String must = "must be an absolute http(s) URL such as https://news.example, not '" + publicUrl + "'";
        URI uri;
        try {
            uri = new URI(publicUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.of(must);
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            return Optional.of(must);
        }
        return Optional.empty();
    }

    /** The web origin ({@code https://news.example}), as browsers send it in {@code Origin}. */
    public String origin() {
        return origin;
    }

    /** The absolute URL of a site path ({@code /zh-hans/台风/a-12}), percent-encoded so XML readers accept it. */
    public String of(String path) {
        return base + UriUtils.encodePath(path, StandardCharsets.UTF_8);
    }

    /** The host name, e.g. for {@code tag:} URIs. */
    public String host() {
        return host;
    }
}
