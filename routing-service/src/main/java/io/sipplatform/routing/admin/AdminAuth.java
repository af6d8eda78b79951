package io.sipplatform.routing.admin;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.service.BearerTokens;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Bearer-token check (RFC 6750 §2.1) for every admin request: 401 with WWW-Authenticate without a configured
 * token. Tokens are compared in constant time.
 */
@Provider
public class AdminAuth implements ContainerRequestFilter {
    // JAX-RS providers are built at static init, before runtime config exists: look the config up per request.
    @Inject
    Instance<RoutingConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (BearerTokens.accepted(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                config.get().admin().tokens().orElse(List.of()))) {
            return;
        }
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"routing-admin\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(401, null, "a valid bearer token is required")).build());
    }
}
