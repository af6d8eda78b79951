package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.Customer;
import io.sipplatform.routing.domain.InvalidField;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class CustomerRows implements Rows<Customer> {
    private static final String SELECT = "SELECT id, name, enabled, route_table_id FROM customer";

    private static Customer map(ResultSet rs) throws SQLException {
        return new Customer(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4));
    }

    @Override
    public String idOf(Customer value) {
        return value.id();
    }

    @Override
    public List<Customer> page(Connection c, String after, int limit) throws SQLException {
        return Sql.query(c, SELECT + Sql.page(after, limit), CustomerRows::map, Sql.pageParams(after));
    }

    @Override
    public Optional<Customer> find(Connection c, String id) throws SQLException {
        return Sql.query(c, SELECT + " WHERE id = ?", CustomerRows::map, id).stream().findFirst();
    }

    @Override
    public void checkReferences(Connection c, Customer value) throws SQLException {
        if (value.routeTableId() != null
                && !Sql.exists(c, "SELECT 1 FROM route_table WHERE id = ?", value.routeTableId())) {
            throw new InvalidField("routeTableId", "no route table '" + value.routeTableId() + "'");
        }
    }

    @Override
    public void insert(Connection c, Customer v) throws SQLException {
        Sql.update(c, "INSERT INTO customer (id, name, enabled, route_table_id) VALUES (?, ?, ?, ?)", v.id(),
                v.name(), v.enabled(), v.routeTableId());
    }

    @Override
    public boolean update(Connection c, Customer v) throws SQLException {
        return Sql.update(c, "UPDATE customer SET name = ?, enabled = ?, route_table_id = ? WHERE id = ?", v.name(),
                v.enabled(), v.routeTableId(), v.id()) > 0;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM customer WHERE id = ?", id) > 0;
    }
}
