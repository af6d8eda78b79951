package io.sipplatform.cdr.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV rows: CRLF line ends, a cell quoted when it holds a comma, quote, CR or LF. */
final class Csv {
    private Csv() {
    }

    static void row(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            if (cell != null) {
                cell(out, cell.toString());
            }
        }
        out.write("\r\n");
    }

    private static void cell(Writer out, String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }
}
