package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.Route;
import io.sipplatform.routing.domain.RouteCarrier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route row plus its carriers. */
final class RouteRows implements Rows<Route> {
    private static final String SELECT = "SELECT id, route_table_id, prefix FROM route";

    private record Row(String id, String tableId, String prefix) {
    }

    @Override
    public String idOf(Route value) {
        return value.id();
    }

    @Override
    public List<Route> page(Connection c, String after, int limit) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + Sql.page(after, limit),
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), Sql.pageParams(after)),
                limit > 0 || after != null);
    }

    @Override
    public Optional<Route> find(Connection c, String id) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + " WHERE id = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), id), true).stream().findFirst();
    }

    private List<Route> assemble(Connection c, List<Row> rows, boolean filtered) throws SQLException {
        Collection<String> ids = filtered ? rows.stream().map(Row::id).toList() : null;
        Map<String, List<RouteCarrier>> carriers = Sql.children(c,
                "SELECT route_id, carrier_id, priority, weight FROM route_carrier", "route_id", ids,
                rs -> new RouteCarrier(rs.getString(2), rs.getInt(3), rs.getInt(4)));
        List<Route> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Route(r.id(), r.tableId(), r.prefix(), carriers.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    @Override
    public void checkReferences(Connection c, Route value) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM route_table WHERE id = ?", value.tableId())) {
            throw new InvalidField("tableId", "no route table '" + value.tableId() + "'");
        }
        if (Sql.exists(c, "SELECT 1 FROM route WHERE route_table_id = ? AND prefix = ? AND id <> ?", value.tableId(),
                value.prefix(), value.id())) {
            throw new InvalidField("prefix", "table '" + value.tableId() + "' already routes " + value.prefix());
        }
        CarrierChecks.exist(c, value.carriers());
    }

    @Override
    public void insert(Connection c, Route v) throws SQLException {
        Sql.update(c, "INSERT INTO route (id, route_table_id, prefix) VALUES (?, ?, ?)", v.id(), v.tableId(),
                v.prefix());
        insertCarriers(c, v);
    }

    private static void insertCarriers(Connection c, Route v) throws SQLException {
        for (int i = 0; i < v.carriers().size(); i++) {
            RouteCarrier rc = v.carriers().get(i);
            Sql.update(c, "INSERT INTO route_carrier (route_id, ord, carrier_id, priority, weight)"
                    + " VALUES (?, ?, ?, ?, ?)", v.id(), i, rc.carrierId(), rc.priority(), rc.weight());
        }
    }

    @Override
    public boolean update(Connection c, Route v) throws SQLException {
        if (Sql.update(c, "UPDATE route SET route_table_id = ?, prefix = ? WHERE id = ?", v.tableId(), v.prefix(),
                v.id()) == 0) {
            return false;
        }
        Sql.update(c, "DELETE FROM route_carrier WHERE route_id = ?", v.id());
        insertCarriers(c, v);
        return true;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM route WHERE id = ?", id) > 0;
    }
}
