package io.sipplatform.registrar;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The application's clock in tests: fixed, moved only by the test. */
@Alternative
@Priority(1)
@Singleton
public class TestClock implements InstantSource {
    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private volatile Instant now = START;

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
