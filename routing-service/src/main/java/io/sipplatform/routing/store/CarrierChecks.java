package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.RouteCarrier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Route and emergency carriers must name existing carriers. */
final class CarrierChecks {
    private CarrierChecks() {
    }

    static void exist(Connection c, List<RouteCarrier> carriers) throws SQLException {
        for (int i = 0; i < carriers.size(); i++) {
            String id = carriers.get(i).carrierId();
            if (!Sql.exists(c, "SELECT 1 FROM carrier WHERE id = ?", id)) {
                throw new InvalidField("carriers[" + i + "].carrierId", "no carrier '" + id + "'");
            }
        }
    }
}
