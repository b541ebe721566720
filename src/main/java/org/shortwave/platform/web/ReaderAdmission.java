package org.shortwave.platform.web;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.shortwave.platform.ReadersOverloaded;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most so many readers' requests render at once, in the order they came; the rest wait their turn, and after
 * {@code shortwave.readers.render-wait} are answered 503. Pages from the page cache never get here.
 *
 * <p>Without it, a burst of uncached reads (big news, a crawler) took every database connection: the pool hands
 * connections to whoever asks at the moment one is free, not to who waited longest, so some readers waited past its
 * timeout while later ones were served, and the newsroom's saves, the change feed and the scheduler waited behind
 * them. The default leaves two of the pool's connections to those.
 */
public class ReaderAdmission extends OncePerRequestFilter {

    /** Connections of the pool kept from readers, for the newsroom and the background work. */
    static final int RESERVED_CONNECTIONS = 2;

    private final Semaphore turns;
    private final long waitNanos;
    private final int renders;

    ReaderAdmission(int renders, Duration wait) {
        this.renders = renders;
        this.turns = new Semaphore(renders, true);
        this.waitNanos = wait.toNanos();
    }

    /** The default number of renders at once: the pool's connections but the reserved ones, at least one. */
    static int rendersFor(DataSource dataSource) {
        int pool = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 10;
        return Math.max(1, pool - RESERVED_CONNECTIONS);
    }

    /** Requests of the newsroom, its API, media files and assets are not readers' renders. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return !("GET".equals(method) || "HEAD".equals(method)) || PublicPaths.isNewsroom(path)
                || PublicPaths.isFile(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enter()) {
            throw new ReadersOverloaded(renders);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Waits for a turn; false when none came in time (or the thread was interrupted, as at shutdown). */
    boolean enter() {
        try {
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a turn taken with {@link #enter()} (for tests that hold one). */
    void leave() {
        turns.release();
    }

    int renders() {
        return renders;
    }

    /** Readers waiting for a turn now (the operations page and tests). */
    public int waiting() {
        return turns.getQueueLength();
    }
}
