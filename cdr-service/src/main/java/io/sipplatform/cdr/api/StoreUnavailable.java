package io.sipplatform.cdr.api;

import io.sipplatform.cdr.store.StoreFailure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** A database failure during a query is 503 (retry later), logged once here, never a bare 500. */
@Provider
public class StoreUnavailable implements ExceptionMapper<StoreFailure> {
    private static final Logger LOG = Logger.getLogger(StoreUnavailable.class);

    @Override
    public Response toResponse(StoreFailure failure) {
        LOG.warn("query failed", failure);
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(503, null, "CDR database unavailable, retry later")).build();
    }
}
