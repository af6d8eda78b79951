package io.sipplatform.cdr.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Keyset position after the last CDR of a page: its start time and row id, opaque to clients. */
public record PageCursor(Instant startTime, long id) {
    /** The cursor as an opaque URL-safe token. */
    public String encode() {
        String plain = startTime.getEpochSecond() + "." + startTime.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of a token, empty when the token is not one this service issued. */
    public static Optional<PageCursor> decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII)
                    .split("\\.", 4);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]),
                    Long.parseLong(parts[1])), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
