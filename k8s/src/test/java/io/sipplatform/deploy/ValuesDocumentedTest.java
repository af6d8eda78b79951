package io.sipplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key of values.yaml has a comment: the line above at the same indentation, or a trailing comment. */
class ValuesDocumentedTest {
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-/]+):(\\s.*)?$");

    @Test
    void every_values_key_is_commented() throws IOException {
        List<String> lines = Files.readAllLines(Paths.chart().resolve("values.yaml"));
        assertEquals(List.of(), uncommented(lines));
    }

    @Test
    void the_check_finds_an_uncommented_key() {
        List<String> lines = List.of("# the edge", "edge:", "  # mode", "  mode: lb", "", "  replicas: 2",
                "  port: 5060 # inline is fine");
        assertEquals(List.of("line 6: edge.replicas"), uncommented(lines));
    }

    static List<String> uncommented(List<String> lines) {
        List<String> missing = new ArrayList<>();
        List<String> path = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KEY.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int depth = m.group(1).length() / 2;
            while (path.size() > depth) {
                path.remove(path.size() - 1);
            }
            path.add(m.group(2));
            String previous = i == 0 ? "" : lines.get(i - 1);
            boolean above = previous.startsWith(m.group(1) + "#");
            boolean inline = m.group(3) != null && m.group(3).contains(" #");
            if (!above && !inline) {
                missing.add("line " + (i + 1) + ": " + String.join(".", path));
            }
        }
        return missing;
    }
}
