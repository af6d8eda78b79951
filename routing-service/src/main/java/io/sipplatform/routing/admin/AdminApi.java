package io.sipplatform.routing.admin;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI description of the admin API (served at /q/openapi). */
@OpenAPIDefinition(info = @Info(title = "routing-service admin API", version = "v1",
        description = "Provisioning of customers, trunks, DIDs, carriers and routes. Bearer token required."))
@SecurityScheme(securitySchemeName = AdminApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer")
public class AdminApi extends Application {
    /** Name of the bearer-token security scheme. */
    public static final String BEARER = "bearer";
}
