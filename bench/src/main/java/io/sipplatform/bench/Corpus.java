package io.sipplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The benchmark corpus: one message per file under {@code corpus/} on the class path, CRLF exact, loaded once into
 * byte arrays. Every library parses the same arrays in the same order.
 */
final class Corpus {
    /** File names, in the order each benchmark invocation parses them. */
    static final List<String> NAMES =
            List.of("register-digest.sip", "invite-sdp.sip", "ok-200-sdp.sip", "ringing-180.sip", "bye.sip");

    /** Messages per benchmark invocation; the value of {@code @OperationsPerInvocation}. */
    static final int SIZE = 5;

    private Corpus() {
    }

    /** Every corpus message, in {@link #NAMES} order. */
    static byte[][] load() {
        byte[][] out = new byte[NAMES.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = load(NAMES.get(i));
        }
        return out;
    }

    /** One corpus message by file name. */
    static byte[] load(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus file missing from the class path: corpus/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
