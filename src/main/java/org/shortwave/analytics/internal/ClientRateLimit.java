package org.shortwave.analytics.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token bucket per client against inflated counts: {@link #CAPACITY} views at once, then one more every
 * {@link #REFILL_SECONDS} seconds. A client is known only by a salted hash of its address and User-Agent, held in
 * memory: the salt is random, never stored, and replaced every day (UTC), so yesterday's keys cannot be recomputed
 * and no address can be recovered. Memory is bounded: past {@link #MAX_CLIENTS}, all buckets start again.
 */
public final class ClientRateLimit {

    static final int CAPACITY = 20;
    static final int REFILL_SECONDS = 15;
    static final int MAX_CLIENTS = 100_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Salt salt;

    private record Salt(LocalDate day, SecretKeySpec key) {
    }

    public ClientRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token for this client; false when it has none left. */
    public boolean tryAcquire(String address, String userAgent) {
        String client = clientKey(address, userAgent);
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, k -> new Bucket()).take(System.nanoTime());
    }

    private String clientKey(String address, String userAgent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(currentSalt().key());
            byte[] hash = mac.doFinal((address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Salt currentSalt() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Salt current = salt;
        if (current == null || !current.day().equals(today)) {
            synchronized (this) {
                if (salt == null || !salt.day().equals(today)) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    salt = new Salt(today, new SecretKeySpec(bytes, "HmacSHA256"));
                    buckets.clear(); // keys made with the old salt mean nothing now
                }
                current = salt;
            }
        }
        return current;
    }

    private static final class Bucket {
        private double tokens = CAPACITY;
        private long lastNanos = System.nanoTime();

        synchronized boolean take(long now) {
            tokens = Math.min(CAPACITY, tokens + (now - lastNanos) / (REFILL_SECONDS * 1e9));
            lastNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
