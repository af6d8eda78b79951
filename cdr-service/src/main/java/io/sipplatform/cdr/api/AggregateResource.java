package io.sipplatform.cdr.api;

import io.sipplatform.cdr.store.AggregateKey;
import io.sipplatform.cdr.store.CdrQueries;
import io.sipplatform.cdr.store.HourlyAggregate;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Hourly traffic aggregates by customer or by carrier. */
@Path("/v1/aggregates/hourly")
public class AggregateResource {
    /** Longest range one request may aggregate, so one request cannot scan the whole table. */
    private static final Duration MAX_RANGE = Duration.ofDays(31);

    @Inject
    CdrQueries queries;

    /** Aggregates of calls started in [from, to), by hour and key. */
    public record AggregatesBody(String by, List<HourlyAggregate> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AggregatesBody hourly(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") String by) {
        Instant f = QueryParams.required("from", from);
        Instant t = QueryParams.required("to", to);
        if (!f.isBefore(t) || Duration.between(f, t).compareTo(MAX_RANGE) > 0) {
            throw new BadParameter("to", "to must be after from, at most 31 days later");
        }
        AggregateKey key;
        try {
            key = AggregateKey.valueOf((by == null ? "customer" : by.trim()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("by", "by must be customer or carrier");
        }
        return new AggregatesBody(key.name().toLowerCase(Locale.ROOT), queries.hourly(f, t, key));
    }
}
