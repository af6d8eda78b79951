package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Customer;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers (tenants): /admin/v1/customers. */
@Path("/admin/v1/customers")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Customers (tenants)")
public class CustomerResource extends IdCollection<Customer, CustomerBody> {
    public CustomerResource() {
        super(ProvisioningStore::customers, CustomerBody::of, Customer::id);
    }

    @Override
    Customer toDomain(CustomerBody body, String pathId) {
        return body.toDomain(pathId);
    }
}
