package org.shortwave;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The integration tests' clock: fixed at {@link AppTestBase#NOW}; a test may move it and must put it back. */
public class TestClock extends Clock {

    private volatile Instant now = AppTestBase.NOW;

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void reset() {
        now = AppTestBase.NOW;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is in UTC");
    }
}
