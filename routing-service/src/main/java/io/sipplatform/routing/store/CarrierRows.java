package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.Carrier;
import io.sipplatform.routing.domain.Cidr;
import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.Gateway;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.NumberFormat;
import io.sipplatform.routing.domain.NumberPlan;
import io.sipplatform.routing.domain.NumberRewrite;
import io.sipplatform.routing.domain.Transport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A carrier row plus its gateways and source networks. */
final class CarrierRows implements Rows<Carrier> {
    private static final String SELECT = "SELECT id, name, enabled, rewrite_format, rewrite_strip, rewrite_add,"
            + " tech_prefix, country_code, national_prefix, international_prefix, area_code, bare_e164,"
            + " auth_username, auth_realm, auth_ha1_md5, auth_ha1_sha256 FROM carrier";

    private record Row(String id, String name, boolean enabled, NumberRewrite rewrite, NumberPlan plan,
            DigestAccount credentials) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        String username = rs.getString(13);
        DigestAccount credentials = username == null ? null
                : new DigestAccount(username, rs.getString(14), rs.getString(15), rs.getString(16));
        return new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                new NumberRewrite(NumberFormat.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6),
                        rs.getString(7)),
                new NumberPlan(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getBoolean(12)),
                credentials);
    }

    @Override
    public String idOf(Carrier value) {
        return value.id();
    }

    @Override
    public List<Carrier> page(Connection c, String after, int limit) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + Sql.page(after, limit), CarrierRows::row, Sql.pageParams(after)),
                limit > 0 || after != null);
    }

    @Override
    public Optional<Carrier> find(Connection c, String id) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + " WHERE id = ?", CarrierRows::row, id), true).stream()
                .findFirst();
    }

    private List<Carrier> assemble(Connection c, List<Row> rows, boolean filtered) throws SQLException {
        Collection<String> ids = filtered ? rows.stream().map(Row::id).toList() : null;
        Map<String, List<Gateway>> gateways = Sql.children(c, "SELECT carrier_id, id, host, port, transport,"
                + " priority, weight, enabled, probe FROM gateway", "carrier_id", ids,
                rs -> new Gateway(rs.getString(2), rs.getString(3), rs.getInt(4), Transport.valueOf(rs.getString(5)),
                        rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getBoolean(9)));
        Map<String, List<Cidr>> sources = Sql.children(c, "SELECT carrier_id, cidr FROM carrier_source",
                "carrier_id", ids, rs -> Cidr.parse("sources", rs.getString(2)));
        List<Carrier> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Carrier(r.id(), r.name(), r.enabled(), gateways.getOrDefault(r.id(), List.of()), r.rewrite(),
                    r.plan(), sources.getOrDefault(r.id(), List.of()), r.credentials()));
        }
        return out;
    }

    @Override
    public void checkReferences(Connection c, Carrier value) throws SQLException {
        for (int i = 0; i < value.gateways().size(); i++) {
            if (Sql.exists(c, "SELECT 1 FROM gateway WHERE id = ? AND carrier_id <> ?", value.gateways().get(i).id(),
                    value.id())) {
                throw new InvalidField("gateways[" + i + "].id", "another carrier has a gateway with this id");
            }
        }
    }

    @Override
    public void insert(Connection c, Carrier v) throws SQLException {
        DigestAccount a = v.credentials();
        Sql.update(c, "INSERT INTO carrier (id, name, enabled, rewrite_format, rewrite_strip, rewrite_add,"
                + " tech_prefix, country_code, national_prefix, international_prefix, area_code, bare_e164,"
                + " auth_username, auth_realm, auth_ha1_md5, auth_ha1_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id(), v.name(), v.enabled(), v.rewrite().format().name(), v.rewrite().strip(), v.rewrite().add(),
                v.rewrite().techPrefix(), v.numberPlan().countryCode(), v.numberPlan().nationalPrefix(),
                v.numberPlan().internationalPrefix(), v.numberPlan().areaCode(), v.numberPlan().bareE164(),
                a == null ? null : a.username(), a == null ? null : a.realm(), a == null ? null : a.ha1Md5(),
                a == null ? null : a.ha1Sha256());
        insertChildren(c, v);
    }

    private static void insertChildren(Connection c, Carrier v) throws SQLException {
        for (int i = 0; i < v.gateways().size(); i++) {
            Gateway g = v.gateways().get(i);
            Sql.update(c, "INSERT INTO gateway (id, carrier_id, ord, host, port, transport, priority, weight, enabled,"
                    + " probe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", g.id(), v.id(), i, g.host(), g.port(),
                    g.transport().name(), g.priority(), g.weight(), g.enabled(), g.probe());
        }
        for (int i = 0; i < v.sources().size(); i++) {
            Sql.update(c, "INSERT INTO carrier_source (carrier_id, ord, cidr) VALUES (?, ?, ?)", v.id(), i,
                    v.sources().get(i).text());
        }
    }

    @Override
    public boolean update(Connection c, Carrier v) throws SQLException {
        DigestAccount a = v.credentials();
        int updated = Sql.update(c, "UPDATE carrier SET name = ?, enabled = ?, rewrite_format = ?, rewrite_strip = ?,"
                + " rewrite_add = ?, tech_prefix = ?, country_code = ?, national_prefix = ?, international_prefix = ?,"
                + " area_code = ?, bare_e164 = ?, auth_username = ?, auth_realm = ?, auth_ha1_md5 = ?,"
                + " auth_ha1_sha256 = ? WHERE id = ?",
                v.name(), v.enabled(), v.rewrite().format().name(), v.rewrite().strip(), v.rewrite().add(),
                v.rewrite().techPrefix(), v.numberPlan().countryCode(), v.numberPlan().nationalPrefix(),
                v.numberPlan().internationalPrefix(), v.numberPlan().areaCode(), v.numberPlan().bareE164(),
                a == null ? null : a.username(), a == null ? null : a.realm(), a == null ? null : a.ha1Md5(),
                a == null ? null : a.ha1Sha256(), v.id());
        if (updated == 0) {
            return false;
        }
        Sql.update(c, "DELETE FROM gateway WHERE carrier_id = ?", v.id());
        Sql.update(c, "DELETE FROM carrier_source WHERE carrier_id = ?", v.id());
        insertChildren(c, v);
        return true;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM carrier WHERE id = ?", id) > 0;
    }
}
