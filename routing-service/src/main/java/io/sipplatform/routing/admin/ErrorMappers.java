package io.sipplatform.routing.admin;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.store.StoreConflict;
import io.sipplatform.routing.store.StoreFailure;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One table from failure to HTTP answer, every one with an {@link ErrorBody}. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return error(400, e.field(), e.reason());
    }

    /** Wrong JSON types (a string for a number): 400 naming the JSON path. */
    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** Not JSON at all: 400 naming the body. */
    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return error(400, "body", "not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return error(400, path.length() == 0 ? "body" : path.toString(), "cannot be read: " + e.getOriginalMessage());
    }

    /** Quarkus wraps some unreadable bodies (truncated JSON) into a 400 of its own: give it our shape. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException) {
            return error(400, "body", "cannot be read: " + ((JsonProcessingException) e.getCause())
                    .getOriginalMessage());
        }
        return error(e.getResponse().getStatus(), null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(404, null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(StoreConflict e) {
        return error(409, null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeDown(StoreFailure e) {
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(503, null, e.getMessage())).build();
    }

    private static Response error(int status, String field, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(status, field, message))
                .build();
    }
}
