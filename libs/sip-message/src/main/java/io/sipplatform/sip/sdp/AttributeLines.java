package io.sipplatform.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Edits on the a= lines of one level (session or media) that both levels share. */
final class AttributeLines {

    // RFC 8839 §5: every ICE attribute, at session and media level.
    static final Set<String> ICE = Set.of("candidate", "remote-candidates", "end-of-candidates", "ice-ufrag",
            "ice-pwd", "ice-options", "ice-lite", "ice-mismatch", "ice-pacing");

    // RFC 8866 §6.7
    static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");

    private AttributeLines() {
    }

    static String nameOf(SdpLine line) {
        return line.type() == 'a' ? Attribute.nameOf(line.value()) : null;
    }

    static boolean has(List<SdpLine> lines, String name) {
        for (SdpLine line : lines) {
            if (name.equals(nameOf(line))) {
                return true;
            }
        }
        return false;
    }

    /** The lines without attributes named in {@code names}, or the same list when none matched. */
    static List<SdpLine> without(List<SdpLine> lines, Set<String> names) {
        List<SdpLine> out = new ArrayList<>(lines.size());
        for (SdpLine line : lines) {
            String name = nameOf(line);
            if (name == null || !names.contains(name)) {
                out.add(line);
            }
        }
        return out.size() == lines.size() ? lines : out;
    }

    /**
     * Replaces every attribute named in {@code names} by {@code replacement}, written where the first one was, or
     * appended when there was none; a null replacement only removes.
     */
    static List<SdpLine> replace(List<SdpLine> lines, Set<String> names, Attribute replacement) {
        List<SdpLine> out = new ArrayList<>(lines.size() + 1);
        boolean written = false;
        for (SdpLine line : lines) {
            String name = nameOf(line);
            if (name != null && names.contains(name)) {
                if (!written && replacement != null) {
                    out.add(replacement.toLine());
                }
                written = true;
            } else {
                out.add(line);
            }
        }
        if (!written && replacement != null) {
            out.add(replacement.toLine());
        }
        return out;
    }
}
