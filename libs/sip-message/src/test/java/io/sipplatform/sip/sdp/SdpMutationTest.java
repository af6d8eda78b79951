package io.sipplatform.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sipplatform.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100 000 fixed-seed mutations of the fixtures. Each mutant either fails with SipParseException or parses and then
 * survives one of the rewrites of {@link SdpRewriteChain} (picked by the same seed, so every rewrite gets thousands of
 * mutants) with its invariants. A failure prints the mutant so it can become a regress- fixture.
 */
class SdpMutationTest {
    private static final long SEED = 0x5D9_2026L;
    private static final int MUTANTS = 100_000;

    // Bytes and snippets that sit on grammar boundaries: separators, limits, line breaks, other line types.
    private static final String[] SNIPPETS = {"\r\n", "\n", "\r", "=", ":", " ", "/", "\t", "\u0000", "0", "9", "-1",
        "65535", "65536", "127", "128", "4294967296", "IP6", "IP4", "IN", "::", "255.255.255.255", "a=", "m=",
        "c=IN IP6 ::1", "m=audio 0 RTP/AVP 0", "a=rtpmap:", "a=rtcp:", "a=crypto:", "a=fmtp:", "a=rtcp-fb:*",
        "a=sendonly", "a=candidate:", "v=0", "o=", "s=", "t=0 0", "RTP/SAVPF", "\u00ff", "\u20ac", "\ud83d\ude00"};

    @Test
    void mutatedFixturesFailOnlyWithSipParseExceptionAndRewritesReparse() {
        List<byte[]> fixtures = new ArrayList<>();
        for (String name : SdpFixtures.names()) {
            fixtures.add(SdpFixtures.bytes(name));
        }
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = fixtures.get(random.nextInt(fixtures.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                mutant = mutate(mutant, random);
            }
            try {
                SessionDescription sd = SessionDescription.parse(mutant);
                parsed++;
                SdpRewriteChain.checkRewrite(sd, random.nextInt(SdpRewriteChain.REWRITES.size()));
            } catch (SipParseException expected) {
                rejected++;
            } catch (Throwable t) {
                fail("mutant " + i + " threw " + t + " on:\n" + escape(mutant), t);
            }
        }
        // Both outcomes must be common, or the mutator is not exercising the parser.
        assertTrue(parsed > MUTANTS / 20, "parsed " + parsed);
        assertTrue(rejected > MUTANTS / 20, "rejected " + rejected);
    }

    private static byte[] mutate(byte[] in, Random random) {
        int pos = in.length == 0 ? 0 : random.nextInt(in.length);
        switch (random.nextInt(7)) {
            case 0 -> { // flip one byte
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[pos] = (byte) random.nextInt(256);
                return out;
            }
            case 1 -> { // delete a range
                int len = Math.min(in.length - pos, 1 + random.nextInt(8));
                return splice(in, pos, len, new byte[0]);
            }
            case 2 -> { // insert a snippet
                return splice(in, pos, 0, snippet(random));
            }
            case 3 -> { // replace a range by a snippet
                int len = Math.min(in.length - pos, 1 + random.nextInt(6));
                return splice(in, pos, len, snippet(random));
            }
            case 4 -> { // duplicate a line
                int start = lineStart(in, pos);
                int end = lineEnd(in, pos);
                byte[] line = java.util.Arrays.copyOfRange(in, start, end);
                return splice(in, start, 0, line);
            }
            case 5 -> { // drop a line
                int start = lineStart(in, pos);
                return splice(in, start, lineEnd(in, pos) - start, new byte[0]);
            }
            default -> { // truncate
                return java.util.Arrays.copyOf(in, pos);
            }
        }
    }

    private static byte[] snippet(Random random) {
        return SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static int lineStart(byte[] in, int pos) {
        int start = Math.min(pos, in.length);
        while (start > 0 && in[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    private static int lineEnd(byte[] in, int pos) {
        int end = pos;
        while (end < in.length && in[end] != '\n') {
            end++;
        }
        return end < in.length ? end + 1 : end;
    }

    private static byte[] splice(byte[] in, int at, int removed, byte[] inserted) {
        byte[] out = new byte[in.length - removed + inserted.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(in, at + removed, out, at + inserted.length, in.length - at - removed);
        return out;
    }

    private static String escape(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (byte b : body) {
            int c = b & 0xFF;
            if (c == '\n') {
                out.append("\\n\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
