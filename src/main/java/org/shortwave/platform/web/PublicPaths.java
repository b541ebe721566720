package org.shortwave.platform.web;

/**
 * Which requests are the newsroom's and which are files, for the filters that treat readers' pages apart (the page
 * cache, reader turns, outage answers).
 */
public final class PublicPaths {

    private PublicPaths() {
    }

    /** The newsroom and its API: never stored, never turned away as a reader. */
    public static boolean isNewsroom(String path) {
        return path.startsWith("/admin") || path.startsWith("/api/admin");
    }

    /** Media files and fingerprinted assets: streamed as they are, with caching of their own. */
    public static boolean isFile(String path) {
        return path.startsWith("/media/") || path.startsWith("/assets/");
    }
}
