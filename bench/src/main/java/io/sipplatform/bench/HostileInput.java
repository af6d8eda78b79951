package io.sipplatform.bench;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Hostile message shapes for {@link AdversarialParseBench}, generated in code at a target size (at most 64 KiB,
 * the default message limit). Each is a request with valid mandatory headers plus one hostile part, so that with
 * the benchmark's relaxed framing limits the typed header parsers, not the framer, meet the hostile text.
 */
public enum HostileInput {
    /** A second Via line of one value followed by tens of thousands of commas (empty list elements). */
    VIA_COMMAS,
    /** A From whose addr-spec sits inside thousands of nested angle brackets. */
    NESTED_ANGLES,
    /** A From display name that is one quoted string of backslash pairs (quoted-pairs, RFC 3261 §25.1). */
    BACKSLASHES,
    /** Thousands of minimal Via values ({@code SIP/2.0/UDP a}), comma-joined, 100 to a line. */
    MANY_VIAS,
    /** Many short typed header lines (Route, Record-Route, Contact, Supported, Allow) and extension headers. */
    MANY_HEADERS,
    /** For comparison: a realistic request whose Via and Record-Route chain grows to the same size. */
    NORMAL;

    private static final String CRLF = "\r\n";
    private static final String START = "INVITE sip:bob@example.com SIP/2.0" + CRLF;
    private static final String TOP_VIA = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-adv" + CRLF;
    private static final String FROM = "From: \"Alice\" <sip:alice@example.com>;tag=a1" + CRLF;
    private static final String REST = "Max-Forwards: 70" + CRLF
            + "To: <sip:bob@example.com>" + CRLF
            + "Call-ID: adv@192.0.2.1" + CRLF
            + "CSeq: 1 INVITE" + CRLF;
    private static final String END = "Content-Length: 0" + CRLF + CRLF;
    private static final String MANY_VIAS_LINE = "Via: SIP/2.0/UDP a" + ",SIP/2.0/UDP a".repeat(99) + CRLF;

    /** The message in this shape, at most {@code targetBytes} long and within a few hundred bytes of it. */
    byte[] generate(int targetBytes) {
        String text = switch (this) {
            case VIA_COMMAS -> viaCommas(targetBytes);
            case NESTED_ANGLES -> nestedAngles(targetBytes);
            case BACKSLASHES -> backslashes(targetBytes);
            case MANY_VIAS -> fill(targetBytes, i -> MANY_VIAS_LINE, "Via: SIP/2.0/UDP a" + CRLF);
            case MANY_HEADERS -> fill(targetBytes, HostileInput::typedHeaderLine, "X: v" + CRLF);
            case NORMAL -> fill(targetBytes, HostileInput::proxyChainLine, "X: v" + CRLF);
        };
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > targetBytes) {
            throw new IllegalStateException(this + " is " + bytes.length + " bytes, over " + targetBytes);
        }
        return bytes;
    }

    private static String viaCommas(int targetBytes) {
        String via = "Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK-2";
        int commas = targetBytes - (START + TOP_VIA + FROM + REST + END).length() - via.length() - CRLF.length();
        return START + TOP_VIA + via + ",".repeat(commas) + CRLF + FROM + REST + END;
    }

    private static String nestedAngles(int targetBytes) {
        String addr = "sip:alice@example.com";
        String flat = "From: " + addr + ";tag=a1" + CRLF;
        int depth = (targetBytes - (START + TOP_VIA + REST + END).length() - flat.length()) / 2;
        return START + TOP_VIA + "From: " + "<".repeat(depth) + addr + ">".repeat(depth) + ";tag=a1" + CRLF
                + REST + END;
    }

    private static String backslashes(int targetBytes) {
        String head = "From: \"";
        String tail = "\" <sip:alice@example.com>;tag=a1" + CRLF;
        int pairs = (targetBytes - (START + TOP_VIA + REST + END).length() - head.length() - tail.length()) / 2;
        return START + TOP_VIA + head + "\\\\".repeat(pairs) + tail + REST + END;
    }

    private static String typedHeaderLine(int i) {
        return switch (i % 6) {
            case 0 -> "Route: <sip:r" + i + ".example.com;lr>" + CRLF;
            case 1 -> "Record-Route: <sip:rr" + i + ".example.com;lr>" + CRLF;
            case 2 -> "Contact: <sip:c" + i + "@192.0.2.7>;expires=60" + CRLF;
            case 3 -> "Supported: timer, 100rel" + CRLF;
            case 4 -> "Allow: INVITE, ACK, BYE" + CRLF;
            default -> "X-Filler-" + i + ": v" + CRLF;
        };
    }

    private static String proxyChainLine(int i) {
        return i % 2 == 0
                ? "Via: SIP/2.0/UDP proxy" + i + ".example.net:5060;branch=z9hG4bK-" + i
                        + "-77ef4c2312983.1;received=203.0.113." + (i % 250) + CRLF
                : "Record-Route: <sip:proxy" + i + ".example.net;lr>" + CRLF;
    }

    /** Adds generated lines after the mandatory headers while they fit, then short padding lines. */
    private static String fill(int targetBytes, IntFunction<String> lines, String pad) {
        StringBuilder head = new StringBuilder(targetBytes).append(START).append(TOP_VIA).append(FROM).append(REST);
        int budget = targetBytes - END.length();
        for (int i = 0; ; i++) {
            String line = lines.apply(i);
            if (head.length() + line.length() > budget) {
                break;
            }
            head.append(line);
        }
        while (head.length() + pad.length() <= budget) {
            head.append(pad);
        }
        return head.append(END).toString();
    }
}
