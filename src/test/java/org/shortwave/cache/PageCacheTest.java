package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shortwave.cache.CachedPage.Encoding;
import org.springframework.util.unit.DataSize;

/** The page cache's rules without a server: eviction by key, the byte budget, the epoch, validators, encodings. */
class PageCacheTest {

    private static PageCache cache(long budgetBytes) {
        return new PageCache(new PageCacheProperties(true, DataSize.ofBytes(budgetBytes), Duration.ofMinutes(10),
                Duration.ofSeconds(60), Duration.ofSeconds(60)));
    }

    private static CachedPage page(int bodyBytes, String... keys) {
        return new CachedPage(200, List.of(), null, new byte[bodyBytes], null, "e" + bodyBytes, Set.of(keys),
                System.nanoTime() + Duration.ofMinutes(10).toNanos());
    }

    @Test
    void evictingAKeyRemovesExactlyTheEntriesThatCarryIt() {
        PageCache cache = cache(1_000_000);
        cache.put("/en/one/a-1", page(100, "a1", "e:en"), cache.epoch());
        cache.put("/en/two/a-2", page(100, "a2", "e:en", "a1"), cache.epoch());
        cache.put("/zh-hans/three/a-3", page(100, "a3", "e:zh-hans"), cache.epoch());

        assertThat(cache.evict(List.of("a1"))).isEqualTo(2);

        assertThat(cache.get("/en/one/a-1")).isNull();
        assertThat(cache.get("/en/two/a-2")).isNull();
        assertThat(cache.get("/zh-hans/three/a-3")).isNotNull();
        assertThat(cache.evict(List.of("a1", "no-such-key"))).isZero();
    }

    @Test
    void aPageRenderedBeforeAnEvictionIsNotStored() {
        PageCache cache = cache(1_000_000);
        long epoch = cache.epoch();
        cache.evict(List.of("a9")); // a change arrives while the page is being rendered
        assertThat(cache.put("/en/x/a-9", page(100, "a9"), epoch)).isFalse();
        assertThat(cache.get("/en/x/a-9")).isNull();
        assertThat(cache.put("/en/x/a-9", page(100, "a9"), cache.epoch())).isTrue();
    }

    @Test
    void aChangeToOtherPagesDuringARenderDoesNotKeepItFromBeingStored() {
        PageCache cache = cache(1_000_000);
        long epoch = cache.epoch();
        cache.evict(List.of("top:en", "a3")); // a most-read ranking moved, another story changed
        assertThat(cache.put("/zh-hans/", page(100, "e:zh-hans", "a9"), epoch)).isTrue();

        long before = cache.epoch();
        cache.clear();
        assertThat(cache.put("/en/", page(100, "e:en"), before)).as("a clear evicts every key").isFalse();
        assertThat(cache.put("/en/x", page(100), before)).as("even a page without keys").isFalse();
    }

    @Test
    void theBudgetIsKeptByDroppingTheLeastRecentlyUsed() {
        PageCache cache = cache(40_000); // about 15 pages of 2,000 bytes and their bookkeeping
        cache.put("/old", page(2_000, "a1"), cache.epoch());
        for (int i = 0; i < 15; i++) {
            cache.put("/p" + i, page(2_000, "a" + (i + 10)), cache.epoch());
            assertThat(cache.get("/old")).as("used again, so kept").isNotNull();
        }
        cache.put("/p-last", page(2_000), cache.epoch());
        cache.put("/p-last-2", page(2_000), cache.epoch());

        assertThat(cache.stats().bytes()).isLessThanOrEqualTo(40_000);
        assertThat(cache.get("/old")).isNotNull();
        assertThat(cache.get("/p0")).as("least recently used").isNull();
        assertThat(cache.get("/p-last-2")).isNotNull();
        // an evicted entry's keys are forgotten with it
        assertThat(cache.evict(List.of("a10"))).isZero();
    }

    @Test
    void aPageTooBigForTheBudgetIsNotStored() {
        PageCache cache = cache(8_000);
        assertThat(cache.put("/huge", page(5_000, "sitemap"), cache.epoch())).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAnyEncodingOfThePage() {
        assertThat(CachedPage.matches("\"abc\"", "abc")).isTrue();
        assertThat(CachedPage.matches("W/\"abc-gz\"", "abc")).isTrue();
        assertThat(CachedPage.matches("\"other\", \"abc-br\"", "abc")).isTrue();
        assertThat(CachedPage.matches("*", "abc")).isTrue();
        assertThat(CachedPage.matches("\"abcd\"", "abc")).isFalse();
        assertThat(CachedPage.matches("abc", "abc")).as("unquoted is not an entity tag").isFalse();
        assertThat(CachedPage.matches("\"", "abc")).isFalse();
        assertThat(CachedPage.matches(null, "abc")).isFalse();
    }

    @Test
    void theEncodingFollowsAcceptEncodingAndItsWeights() {
        assertThat(Encoding.choose("gzip, deflate, br", true)).isEqualTo(Encoding.BROTLI);
        assertThat(Encoding.choose("gzip, deflate, br", false)).isEqualTo(Encoding.GZIP);
        assertThat(Encoding.choose("gzip;q=0.5", true)).isEqualTo(Encoding.GZIP);
        assertThat(Encoding.choose("br;q=0, gzip", true)).isEqualTo(Encoding.GZIP);
        assertThat(Encoding.choose("gzip;q=0", true)).isEqualTo(Encoding.IDENTITY);
        assertThat(Encoding.choose("*", true)).isEqualTo(Encoding.BROTLI);
        assertThat(Encoding.choose("identity", true)).isEqualTo(Encoding.IDENTITY);
        assertThat(Encoding.choose("gzip;q=nonsense, ;;,", true)).isEqualTo(Encoding.IDENTITY);
        assertThat(Encoding.choose(null, true)).isEqualTo(Encoding.IDENTITY);
    }

    @Test
    void compressedCopiesDecodeToTheSameBytes() {
        byte[] html = "<p>短波 shortwave </p>".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Compression.gunzip(Compression.gzip(html, Compression.GZIP_STORED))).isEqualTo(html);
        assertThat(Compression.BROTLI).as("brotli's native encoder loads on this platform").isTrue();
        byte[] brotli = Compression.brotli(html, Compression.BROTLI_STORED);
        assertThat(brotli.length).isLessThan(html.length / 10);
    }

    @Test
    void cacheControlGivesSharedCachesAtLeastTheBrowsersAge() {
        assertThat(PageKind.ARTICLE.cacheControl(Duration.ofHours(1)))
                .isEqualTo("public, max-age=60, s-maxage=3600, stale-while-revalidate=60, stale-if-error=86400");
        assertThat(PageKind.FEED.cacheControl(Duration.ofSeconds(10))).contains("max-age=300, s-maxage=300");
    }
}
