package org.shortwave.site;

import java.util.List;

/**
 * What a page adds to its {@code <head>} beyond the layout's own: alternate links (feeds, translations), meta tags
 * (Open Graph, Twitter card) and JSON-LD structured data. Built by a {@link PageHeads}.
 *
 * @param jsonLd JSON for a {@code <script type="application/ld+json">}, with {@code <}, {@code >} and {@code &}
 *               escaped as {@code \u003c}..., so it is written as it is and cannot close the script element
 */
public record PageHead(List<Link> links, List<Meta> metas, String jsonLd) {

    public static final PageHead NONE = new PageHead(List.of(), List.of(), null);

    public PageHead {
        links = List.copyOf(links);
        metas = List.copyOf(metas);
        if (jsonLd != null && (jsonLd.indexOf('<') >= 0 || jsonLd.indexOf('>') >= 0 || jsonLd.indexOf('&') >= 0)) {
            throw new IllegalArgumentException("JSON-LD must have <, > and & escaped");
        }
    }

    /** A {@code <link>}; null attributes are left out. */
    public record Link(String rel, String href, String type, String hreflang, String title) {
    }

    /** A {@code <meta>} with either {@code property} (Open Graph) or {@code name} (Twitter) set. */
    public record Meta(String property, String name, String content) {
    }
}
