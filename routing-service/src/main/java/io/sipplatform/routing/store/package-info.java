/**
 * Persistence of provisioning: plain JDBC over the Flyway schema in {@code db/migration}, written in SQL that both
 * PostgreSQL and H2 in PostgreSQL mode run, so the embedded default and production share every statement. One
 * {@link io.sipplatform.routing.store.Rows} per aggregate; {@link io.sipplatform.routing.store.ProvisioningStore}
 * wraps writes in transactions that bump the store revision and loads the whole
 * {@link io.sipplatform.routing.domain.Provisioning} for a snapshot. It is not a cache and holds no state beyond the
 * DataSource; it knows nothing about HTTP or gRPC.
 */
package io.sipplatform.routing.store;
