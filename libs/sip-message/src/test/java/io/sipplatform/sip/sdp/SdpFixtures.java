package io.sipplatform.sip.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Loads the .sdp fixtures under src/test/resources/sdp/ and derives variants of them line by line. */
final class SdpFixtures {
    private static final String CRLF = "\r\n";

    private SdpFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/sdp/" + name + ".sdp")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static SessionDescription parse(String name) {
        return SessionDescription.parse(bytes(name));
    }

    /** Every fixture name, without the .sdp suffix, sorted. */
    static List<String> names() {
        URL dir = SdpFixtures.class.getResource("/sdp");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sdp"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture's text with the one line equal to {@code oldLine} replaced (null removes it). */
    static String withLine(String name, String oldLine, String newLine) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(name).split(CRLF, -1)));
        int at = lines.indexOf(oldLine);
        if (at < 0) {
            throw new IllegalArgumentException(name + " has no line " + oldLine);
        }
        if (newLine == null) {
            lines.remove(at);
        } else {
            lines.set(at, newLine);
        }
        return String.join(CRLF, lines);
    }

    /** The fixture's text with {@code extra} inserted (CRLF-joined) right after the line equal to {@code after}. */
    static String withLinesAfter(String name, String after, String... extra) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(name).split(CRLF, -1)));
        int at = lines.indexOf(after);
        if (at < 0) {
            throw new IllegalArgumentException(name + " has no line " + after);
        }
        lines.addAll(at + 1, Arrays.asList(extra));
        return String.join(CRLF, lines);
    }

    /** The text lines of a description, without terminators. */
    static List<String> lines(SessionDescription sd) {
        String text = sd.toString();
        return Arrays.asList(text.substring(0, text.length() - 2).split(CRLF, -1));
    }
}
