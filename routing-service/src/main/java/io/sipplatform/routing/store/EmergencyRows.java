package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.EmergencyRoute;
import io.sipplatform.routing.domain.RouteCarrier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An emergency number plus its carriers. */
final class EmergencyRows implements Rows<EmergencyRoute> {
    private static final String SELECT = "SELECT dialled FROM emergency_route";

    @Override
    public String idOf(EmergencyRoute value) {
        return value.number();
    }

    @Override
    public List<EmergencyRoute> page(Connection c, String after, int limit) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + Sql.page("dialled", after, limit), rs -> rs.getString(1),
                Sql.pageParams(after)), limit > 0 || after != null);
    }

    @Override
    public Optional<EmergencyRoute> find(Connection c, String id) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + " WHERE dialled = ?", rs -> rs.getString(1), id), true).stream()
                .findFirst();
    }

    private List<EmergencyRoute> assemble(Connection c, List<String> numbers, boolean filtered)
            throws SQLException {
        Collection<String> ids = filtered ? numbers : null;
        Map<String, List<RouteCarrier>> carriers = Sql.children(c,
                "SELECT dialled, carrier_id, priority, weight FROM emergency_carrier", "dialled", ids,
                rs -> new RouteCarrier(rs.getString(2), rs.getInt(3), rs.getInt(4)));
        List<EmergencyRoute> out = new ArrayList<>(numbers.size());
        for (String number : numbers) {
            out.add(new EmergencyRoute(number, carriers.getOrDefault(number, List.of())));
        }
        return out;
    }

    @Override
    public void checkReferences(Connection c, EmergencyRoute value) throws SQLException {
        CarrierChecks.exist(c, value.carriers());
    }

    @Override
    public void insert(Connection c, EmergencyRoute v) throws SQLException {
        Sql.update(c, "INSERT INTO emergency_route (dialled) VALUES (?)", v.number());
        insertCarriers(c, v);
    }

    private static void insertCarriers(Connection c, EmergencyRoute v) throws SQLException {
        for (int i = 0; i < v.carriers().size(); i++) {
            RouteCarrier rc = v.carriers().get(i);
            Sql.update(c, "INSERT INTO emergency_carrier (dialled, ord, carrier_id, priority, weight)"
                    + " VALUES (?, ?, ?, ?, ?)", v.number(), i, rc.carrierId(), rc.priority(), rc.weight());
        }
    }

    @Override
    public boolean update(Connection c, EmergencyRoute v) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM emergency_route WHERE dialled = ?", v.number())) {
            return false;
        }
        Sql.update(c, "DELETE FROM emergency_carrier WHERE dialled = ?", v.number());
        insertCarriers(c, v);
        return true;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM emergency_route WHERE dialled = ?", id) > 0;
    }
}
