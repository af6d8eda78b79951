package io.sipplatform.cdr.api;

import io.sipplatform.cdr.domain.Disposition;
import io.sipplatform.cdr.store.CdrFilter;
import io.sipplatform.cdr.store.PageCursor;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Parsing of the shared query parameters; anything unusable is a 400 naming the parameter. */
final class QueryParams {
    private QueryParams() {
    }

    static CdrFilter filter(String from, String to, String customer, String trunk, String number, String carrier,
            String disposition) {
        Optional<Instant> f = instant("from", from);
        Optional<Instant> t = instant("to", to);
        if (f.isPresent() && t.isPresent() && !f.get().isBefore(t.get())) {
            throw new BadParameter("to", "to must be after from");
        }
        return new CdrFilter(f, t, text(customer), text(trunk), text(number), text(carrier),
                disposition(disposition));
    }

    static Instant required(String name, String value) {
        return instant(name, value).orElseThrow(() -> new BadParameter(name, name + " is required"));
    }

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeException e) {
            throw new BadParameter(name, name + " must be an ISO-8601 instant such as 2026-11-20T10:00:00Z");
        }
    }

    static Optional<PageCursor> cursor(String after) {
        if (after == null || after.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PageCursor.decode(after.trim())
                .orElseThrow(() -> new BadParameter("after", "after must be a cursor returned as next")));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<Disposition> disposition(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Disposition.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("disposition",
                    "disposition must be one of answered, busy, no_answer, cancelled, failed");
        }
    }
}
