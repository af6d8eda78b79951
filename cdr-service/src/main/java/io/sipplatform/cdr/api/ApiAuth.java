package io.sipplatform.cdr.api;

import io.sipplatform.cdr.CdrConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Bearer-token check (RFC 6750 §2.1) for every API request: 401 with WWW-Authenticate without a configured token.
 * Tokens are compared in constant time.
 */
@Provider
public class ApiAuth implements ContainerRequestFilter {
    private static final String PREFIX = "Bearer ";

    // JAX-RS providers are built at static init, before runtime config exists: look the config up per request.
    @Inject
    Instance<CdrConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && accepted(header.substring(PREFIX.length()).trim())) {
            return;
        }
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cdr\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(401, null, "a valid bearer token is required")).build());
    }

    private boolean accepted(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String configured : config.get().api().tokens().orElse(List.of())) {
            // No early exit: the time taken does not tell which token came close.
            ok |= !configured.isEmpty()
                    && MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), presented);
        }
        return ok;
    }
}
