package io.sipplatform.sip.digest;

import java.util.random.RandomGenerator;

/** A "random" source that always yields 01 02 03 ..., so nonces are reproducible outside Java. */
final class FixedBytes implements RandomGenerator {
    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i + 1);
        }
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextBytes is expected");
    }
}
