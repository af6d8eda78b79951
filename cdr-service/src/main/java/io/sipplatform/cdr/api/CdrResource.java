package io.sipplatform.cdr.api;

import io.sipplatform.cdr.CdrConfig;
import io.sipplatform.cdr.store.CdrFilter;
import io.sipplatform.cdr.store.CdrPage;
import io.sipplatform.cdr.store.CdrQueries;
import io.sipplatform.cdr.store.CdrStore;
import io.sipplatform.cdr.store.PageCursor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CDR listings, one CDR, CSV export. */
@Path("/v1/cdrs")
public class CdrResource {
    @Inject
    CdrQueries queries;

    @Inject
    CdrStore store;

    @Inject
    CdrConfig config;

    /** A page of CDRs and the cursor of the next page. */
    public record PageBody(List<CdrBody> items, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageBody list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customer") String customer, @QueryParam("trunk") String trunk,
            @QueryParam("number") String number, @QueryParam("carrier") String carrier,
            @QueryParam("disposition") String disposition, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after) {
        CdrFilter filter = QueryParams.filter(from, to, customer, trunk, number, carrier, disposition);
        int size = limit == null ? config.api().defaultPageSize() : limit;
        if (size < 1) {
            throw new BadParameter("limit", "limit must be at least 1");
        }
        CdrPage page = queries.list(filter, QueryParams.cursor(after), Math.min(size, config.api().maxPageSize()));
        return new PageBody(page.items().stream().map(CdrBody::of).toList(),
                page.next().map(PageCursor::encode).orElse(null));
    }

    @GET
    @Path("/{callId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CdrBody one(@PathParam("callId") String callId) {
        return store.find(callId).map(CdrBody::of)
                .orElseThrow(() -> new NotFoundException("no CDR for call " + callId));
    }

    /** Every matching CDR as CSV, written while it is read from the database. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customer") String customer, @QueryParam("trunk") String trunk,
            @QueryParam("number") String number, @QueryParam("carrier") String carrier,
            @QueryParam("disposition") String disposition) {
        CdrFilter filter = QueryParams.filter(from, to, customer, trunk, number, carrier, disposition);
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            Csv.row(out, CdrBody.CSV_COLUMNS);
            try {
                queries.export(filter, cdr -> {
                    try {
                        Csv.row(out, CdrBody.of(cdr).csvCells());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"cdrs.csv\"").build();
    }
}
