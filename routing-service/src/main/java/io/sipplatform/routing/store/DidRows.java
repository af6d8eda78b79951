package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.Delivery;
import io.sipplatform.routing.domain.Did;
import io.sipplatform.routing.domain.Forking;
import io.sipplatform.routing.domain.InvalidField;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class DidRows implements Rows<Did> {
    private static final String SELECT =
            "SELECT e164, customer_id, trunk_id, delivery, aor, forking, enabled FROM did";

    private static Did map(ResultSet rs) throws SQLException {
        return new Did(rs.getString(1), rs.getString(2), rs.getString(3), Delivery.valueOf(rs.getString(4)),
                rs.getString(5), Forking.valueOf(rs.getString(6)), rs.getBoolean(7));
    }

    @Override
    public String idOf(Did value) {
        return value.number();
    }

    @Override
    public List<Did> page(Connection c, String after, int limit) throws SQLException {
        return Sql.query(c, SELECT + Sql.page("e164", after, limit), DidRows::map, Sql.pageParams(after));
    }

    @Override
    public Optional<Did> find(Connection c, String id) throws SQLException {
        return Sql.query(c, SELECT + " WHERE e164 = ?", DidRows::map, id).stream().findFirst();
    }

    @Override
    public void checkReferences(Connection c, Did value) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM customer WHERE id = ?", value.customerId())) {
            throw new InvalidField("customerId", "no customer '" + value.customerId() + "'");
        }
        if (!Sql.exists(c, "SELECT 1 FROM trunk WHERE id = ? AND customer_id = ?", value.trunkId(),
                value.customerId())) {
            throw new InvalidField("trunkId", "customer '" + value.customerId() + "' has no trunk '"
                    + value.trunkId() + "'");
        }
    }

    @Override
    public void insert(Connection c, Did v) throws SQLException {
        Sql.update(c, "INSERT INTO did (e164, customer_id, trunk_id, delivery, aor, forking, enabled)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", v.number(), v.customerId(), v.trunkId(), v.delivery().name(),
                v.aor(), v.forking().name(), v.enabled());
    }

    @Override
    public boolean update(Connection c, Did v) throws SQLException {
        return Sql.update(c, "UPDATE did SET customer_id = ?, trunk_id = ?, delivery = ?, aor = ?, forking = ?,"
                + " enabled = ? WHERE e164 = ?", v.customerId(), v.trunkId(), v.delivery().name(), v.aor(),
                v.forking().name(), v.enabled(), v.number()) > 0;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM did WHERE e164 = ?", id) > 0;
    }
}
