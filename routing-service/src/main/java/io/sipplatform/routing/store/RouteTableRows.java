package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.RouteTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class RouteTableRows implements Rows<RouteTable> {
    private static final String SELECT = "SELECT id, name FROM route_table";

    @Override
    public String idOf(RouteTable value) {
        return value.id();
    }

    @Override
    public List<RouteTable> page(Connection c, String after, int limit) throws SQLException {
        return Sql.query(c, SELECT + Sql.page(after, limit), rs -> new RouteTable(rs.getString(1), rs.getString(2)),
                Sql.pageParams(after));
    }

    @Override
    public Optional<RouteTable> find(Connection c, String id) throws SQLException {
        return Sql.query(c, SELECT + " WHERE id = ?", rs -> new RouteTable(rs.getString(1), rs.getString(2)), id)
                .stream().findFirst();
    }

    @Override
    public void checkReferences(Connection c, RouteTable value) {
    }

    @Override
    public void insert(Connection c, RouteTable v) throws SQLException {
        Sql.update(c, "INSERT INTO route_table (id, name) VALUES (?, ?)", v.id(), v.name());
    }

    @Override
    public boolean update(Connection c, RouteTable v) throws SQLException {
        return Sql.update(c, "UPDATE route_table SET name = ? WHERE id = ?", v.name(), v.id()) > 0;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        if (RouteTable.DEFAULT.equals(id)) {
            throw new InvalidField("id", "the default route table cannot be deleted");
        }
        return Sql.update(c, "DELETE FROM route_table WHERE id = ?", id) > 0;
    }
}
