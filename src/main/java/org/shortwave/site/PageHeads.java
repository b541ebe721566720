package org.shortwave.site;

/**
 * Builds the extra head content of public pages. The site defines what it needs, the distribution feature (feeds,
 * structured data, absolute URLs) provides it, so the site does not depend on distribution.
 */
public interface PageHeads {

    PageHead article(ArticlePage page);

    PageHead listing(ListingPage page);
}
