package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.CallerIdMode;
import io.sipplatform.routing.domain.CallerIdPolicy;
import io.sipplatform.routing.domain.Cidr;
import io.sipplatform.routing.domain.DestinationPolicy;
import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.MediaPolicy;
import io.sipplatform.routing.domain.NumberFormat;
import io.sipplatform.routing.domain.NumberPlan;
import io.sipplatform.routing.domain.PrefixRule;
import io.sipplatform.routing.domain.RuleAction;
import io.sipplatform.routing.domain.TlsIdentity;
import io.sipplatform.routing.domain.Transport;
import io.sipplatform.routing.domain.Trunk;
import io.sipplatform.routing.domain.TrunkAuth;
import io.sipplatform.routing.domain.TrunkLimits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trunk row plus its networks, accounts, AORs, accepted certificates, prefix rules, caller-ID ranges and addresses.
 * {@code auth_kind} is ADDRESS, DIGEST or CERT.
 */
final class TrunkRows implements Rows<Trunk> {
    private static final String CERT = "CERT";
    private static final String SELECT = "SELECT id, customer_id, name, enabled, auth_kind, transports,"
            + " max_concurrent, max_cps, allow_international, allow_premium, caller_id_mode, caller_id_default,"
            + " trust_pai, allow_own_dids, country_code, national_prefix, international_prefix, area_code, bare_e164,"
            + " media_relay, strip_ice, codecs, delivery_format FROM trunk";

    /** The trunk columns, read before the children are known. */
    private record Row(String id, String customerId, String name, boolean enabled, String authKind,
            String transports, int maxConcurrent, int maxCps, boolean allowInternational, boolean allowPremium,
            String callerIdMode, String callerIdDefault, boolean trustPai, boolean allowOwnDids, NumberPlan plan,
            boolean mediaRelay, boolean stripIce, String codecs, String deliveryFormat) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11),
                rs.getString(12), rs.getBoolean(13), rs.getBoolean(14),
                new NumberPlan(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getBoolean(19)),
                rs.getBoolean(20), rs.getBoolean(21), rs.getString(22), rs.getString(23));
    }

    @Override
    public String idOf(Trunk value) {
        return value.id();
    }

    @Override
    public List<Trunk> page(Connection c, String after, int limit) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + Sql.page(after, limit), TrunkRows::row, Sql.pageParams(after)),
                limit > 0 || after != null);
    }

    @Override
    public Optional<Trunk> find(Connection c, String id) throws SQLException {
        return assemble(c, Sql.query(c, SELECT + " WHERE id = ?", TrunkRows::row, id), true).stream().findFirst();
    }

    private List<Trunk> assemble(Connection c, List<Row> rows, boolean filtered) throws SQLException {
        Collection<String> ids = filtered ? rows.stream().map(Row::id).toList() : null;
        Map<String, List<Cidr>> networks = Sql.children(c, "SELECT trunk_id, cidr FROM trunk_network", "trunk_id",
                ids, rs -> Cidr.parse("networks", rs.getString(2)));
        Map<String, List<DigestAccount>> accounts = Sql.children(c,
                "SELECT trunk_id, username, realm, ha1_md5, ha1_sha256 FROM trunk_account", "trunk_id", ids,
                rs -> new DigestAccount(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        Map<String, List<String>> aors = Sql.children(c, "SELECT trunk_id, aor FROM trunk_aor", "trunk_id", ids,
                rs -> rs.getString(2));
        Map<String, TlsIdentity> certificates = TrunkCertificates.read(c, ids);
        Map<String, List<PrefixRule>> rules = Sql.children(c,
                "SELECT trunk_id, prefix, rule_action FROM trunk_prefix_rule", "trunk_id", ids,
                rs -> new PrefixRule(rs.getString(2), RuleAction.valueOf(rs.getString(3))));
        Map<String, List<String>> callerIds = Sql.children(c, "SELECT trunk_id, prefix FROM trunk_caller_id",
                "trunk_id", ids, rs -> rs.getString(2));
        Map<String, List<String>> addresses = Sql.children(c, "SELECT trunk_id, uri FROM trunk_address", "trunk_id",
                ids, rs -> rs.getString(2));
        List<Trunk> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            TrunkAuth auth;
            if ("ADDRESS".equals(r.authKind())) {
                List<Transport> transports = new ArrayList<>();
                for (String t : Sql.split(r.transports())) {
                    transports.add(Transport.valueOf(t));
                }
                auth = new TrunkAuth.ByAddress(networks.getOrDefault(r.id(), List.of()), transports);
            } else if (CERT.equals(r.authKind())) {
                auth = new TrunkAuth.ByCertificate(certificates.get(r.id()), networks.getOrDefault(r.id(), List.of()));
            } else {
                auth = new TrunkAuth.ByDigest(accounts.getOrDefault(r.id(), List.of()),
                        aors.getOrDefault(r.id(), List.of()));
            }
            out.add(new Trunk(r.id(), r.customerId(), r.name(), r.enabled(), auth,
                    new TrunkLimits(r.maxConcurrent(), r.maxCps()),
                    new DestinationPolicy(rules.getOrDefault(r.id(), List.of()), r.allowInternational(),
                            r.allowPremium()),
                    new CallerIdPolicy(CallerIdMode.valueOf(r.callerIdMode()),
                            callerIds.getOrDefault(r.id(), List.of()), r.callerIdDefault(), r.trustPai(),
                            r.allowOwnDids()),
                    r.plan(), new MediaPolicy(r.mediaRelay(), Sql.split(r.codecs()), r.stripIce()),
                    addresses.getOrDefault(r.id(), List.of()), NumberFormat.valueOf(r.deliveryFormat())));
        }
        return out;
    }

    @Override
    public void checkReferences(Connection c, Trunk value) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM customer WHERE id = ?", value.customerId())) {
            throw new InvalidField("customerId", "no customer '" + value.customerId() + "'");
        }
        if (Sql.exists(c, "SELECT 1 FROM did WHERE trunk_id = ? AND customer_id <> ?", value.id(),
                value.customerId())) {
            throw new InvalidField("customerId", "the trunk delivers DIDs of another customer; move them first");
        }
        if (value.auth() instanceof TrunkAuth.ByDigest) {
            TrunkAuth.ByDigest digest = (TrunkAuth.ByDigest) value.auth();
            for (int i = 0; i < digest.accounts().size(); i++) {
                DigestAccount a = digest.accounts().get(i);
                if (Sql.exists(c, "SELECT 1 FROM trunk_account WHERE username = ? AND realm = ? AND trunk_id <> ?",
                        a.username(), a.realm(), value.id())) {
                    throw new InvalidField("auth.accounts[" + i + "].username",
                            "another trunk has this username in realm '" + a.realm() + "'");
                }
            }
            for (int i = 0; i < digest.aors().size(); i++) {
                if (Sql.exists(c, "SELECT 1 FROM trunk_aor WHERE aor = ? AND trunk_id <> ?", digest.aors().get(i),
                        value.id())) {
                    throw new InvalidField("auth.aors[" + i + "]", "another trunk has this AOR");
                }
            }
        }
        if (value.auth() instanceof TrunkAuth.ByCertificate certificate) {
            TrunkCertificates.checkUnique(c, value.id(), certificate.identity());
        }
    }

    @Override
    public void insert(Connection c, Trunk v) throws SQLException {
        boolean byAddress = v.auth() instanceof TrunkAuth.ByAddress;
        NumberPlan plan = v.numberPlan();
        Sql.update(c, "INSERT INTO trunk (id, customer_id, name, enabled, auth_kind, transports, max_concurrent,"
                + " max_cps, allow_international, allow_premium, caller_id_mode, caller_id_default, trust_pai,"
                + " allow_own_dids, country_code, national_prefix, international_prefix, area_code, bare_e164,"
                + " media_relay, strip_ice, codecs, delivery_format)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id(), v.customerId(), v.name(), v.enabled(), authKind(v.auth()),
                byAddress ? Sql.joined(((TrunkAuth.ByAddress) v.auth()).transports()) : "",
                v.limits().maxConcurrent(), v.limits().maxCps(), v.destinations().allowInternational(),
                v.destinations().allowPremium(), v.callerId().mode().name(), v.callerId().defaultNumber(),
                v.callerId().trustPai(), v.callerId().allowOwnDids(), plan.countryCode(), plan.nationalPrefix(),
                plan.internationalPrefix(), plan.areaCode(), plan.bareE164(), v.media().relay(), v.media().stripIce(),
                Sql.joined(v.media().codecs()), v.deliveryFormat().name());
        insertChildren(c, v);
    }

    private static String authKind(TrunkAuth auth) {
        if (auth instanceof TrunkAuth.ByAddress) {
            return "ADDRESS";
        }
        return auth instanceof TrunkAuth.ByCertificate ? CERT : "DIGEST";
    }

    private static void insertNetworks(Connection c, String id, List<Cidr> networks) throws SQLException {
        for (int i = 0; i < networks.size(); i++) {
            Sql.update(c, "INSERT INTO trunk_network (trunk_id, ord, cidr) VALUES (?, ?, ?)", id, i,
                    networks.get(i).text());
        }
    }

    private static void insertChildren(Connection c, Trunk v) throws SQLException {
        String id = v.id();
        if (v.auth() instanceof TrunkAuth.ByAddress address) {
            insertNetworks(c, id, address.networks());
        } else if (v.auth() instanceof TrunkAuth.ByCertificate certificate) {
            insertNetworks(c, id, certificate.networks());
            TrunkCertificates.insert(c, id, certificate.identity());
        } else {
            TrunkAuth.ByDigest digest = (TrunkAuth.ByDigest) v.auth();
            for (int i = 0; i < digest.accounts().size(); i++) {
                DigestAccount a = digest.accounts().get(i);
                Sql.update(c, "INSERT INTO trunk_account (username, realm, trunk_id, ord, ha1_md5, ha1_sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", a.username(), a.realm(), id, i, a.ha1Md5(), a.ha1Sha256());
            }
            for (int i = 0; i < digest.aors().size(); i++) {
                Sql.update(c, "INSERT INTO trunk_aor (aor, trunk_id, ord) VALUES (?, ?, ?)", digest.aors().get(i),
                        id, i);
            }
        }
        List<PrefixRule> rules = v.destinations().rules();
        for (int i = 0; i < rules.size(); i++) {
            Sql.update(c, "INSERT INTO trunk_prefix_rule (trunk_id, ord, prefix, rule_action) VALUES (?, ?, ?, ?)",
                    id, i, rules.get(i).prefix(), rules.get(i).action().name());
        }
        List<String> allowed = v.callerId().allowed();
        for (int i = 0; i < allowed.size(); i++) {
            Sql.update(c, "INSERT INTO trunk_caller_id (trunk_id, ord, prefix) VALUES (?, ?, ?)", id, i,
                    allowed.get(i));
        }
        for (int i = 0; i < v.addresses().size(); i++) {
            Sql.update(c, "INSERT INTO trunk_address (trunk_id, ord, uri) VALUES (?, ?, ?)", id, i,
                    v.addresses().get(i));
        }
    }

    private static void deleteChildren(Connection c, String id) throws SQLException {
        for (String table : List.of("trunk_network", "trunk_account", "trunk_aor", "trunk_tls_identity",
                "trunk_prefix_rule", "trunk_caller_id", "trunk_address")) {
            Sql.update(c, "DELETE FROM " + table + " WHERE trunk_id = ?", id);
        }
    }

    @Override
    public boolean update(Connection c, Trunk v) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM trunk WHERE id = ?", v.id())) {
            return false;
        }
        deleteChildren(c, v.id());
        // Delete and insert the trunk row would break DIDs pointing at it; update the row in place instead.
        boolean byAddress = v.auth() instanceof TrunkAuth.ByAddress;
        NumberPlan plan = v.numberPlan();
        Sql.update(c, "UPDATE trunk SET customer_id = ?, name = ?, enabled = ?, auth_kind = ?, transports = ?,"
                + " max_concurrent = ?, max_cps = ?, allow_international = ?, allow_premium = ?, caller_id_mode = ?,"
                + " caller_id_default = ?, trust_pai = ?, allow_own_dids = ?, country_code = ?, national_prefix = ?,"
                + " international_prefix = ?, area_code = ?, bare_e164 = ?, media_relay = ?, strip_ice = ?,"
                + " codecs = ?, delivery_format = ? WHERE id = ?",
                v.customerId(), v.name(), v.enabled(), authKind(v.auth()),
                byAddress ? Sql.joined(((TrunkAuth.ByAddress) v.auth()).transports()) : "",
                v.limits().maxConcurrent(), v.limits().maxCps(), v.destinations().allowInternational(),
                v.destinations().allowPremium(), v.callerId().mode().name(), v.callerId().defaultNumber(),
                v.callerId().trustPai(), v.callerId().allowOwnDids(), plan.countryCode(), plan.nationalPrefix(),
                plan.internationalPrefix(), plan.areaCode(), plan.bareE164(), v.media().relay(), v.media().stripIce(),
                Sql.joined(v.media().codecs()), v.deliveryFormat().name(), v.id());
        insertChildren(c, v);
        return true;
    }

    @Override
    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM trunk WHERE id = ?", id) > 0;
    }
}
