package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.domain.TlsIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code trunk_tls_identity} rows of certificate trunks: one per accepted fingerprint, subjectAltName or subject
 * DN, with the form the decision compares ({@code match_key}) so the store can refuse a certificate that would name
 * two trunks.
 */
final class TrunkCertificates {
    /** A kind of accepted value: its column value, the admin field that lists it, and its compared form. */
    private enum Kind {
        FINGERPRINT("fingerprints", "certificate fingerprint", TlsIdentity::fingerprints, TlsIdentity::fingerprintKey),
        SAN("subjectAltNames", "subjectAltName", TlsIdentity::subjectAltNames, TlsIdentity::subjectAltNameKey),
        SUBJECT("subjects", "subject DN", TlsIdentity::subjects, TlsIdentity::subjectKey);

        final String field;
        final String what;
        final Function<TlsIdentity, List<String>> values;
        final Function<String, String> key;

        Kind(String field, String what, Function<TlsIdentity, List<String>> values, Function<String, String> key) {
            this.field = field;
            this.what = what;
            this.values = values;
            this.key = key;
        }
    }

    private record Accepted(Kind kind, String value) {
    }

    private TrunkCertificates() {
    }

    /** The identities of these trunks (all when {@code ids} is null), by trunk id. */
    static Map<String, TlsIdentity> read(Connection c, Collection<String> ids) throws SQLException {
        Map<String, List<Accepted>> rows = Sql.children(c, "SELECT trunk_id, kind, accepted FROM trunk_tls_identity",
                "trunk_id", ids, rs -> new Accepted(Kind.valueOf(rs.getString(2)), rs.getString(3)));
        Map<String, TlsIdentity> out = new HashMap<>();
        rows.forEach((trunkId, accepted) -> out.put(trunkId, new TlsIdentity(values(accepted, Kind.FINGERPRINT),
                values(accepted, Kind.SAN), values(accepted, Kind.SUBJECT))));
        return out;
    }

    private static List<String> values(List<Accepted> accepted, Kind kind) {
        List<String> out = new ArrayList<>();
        accepted.stream().filter(a -> a.kind() == kind).forEach(a -> out.add(a.value()));
        return out;
    }

    /** Refuses a value another trunk already accepts, naming it as the admin API does ({@code auth.subjects[0]}). */
    static void checkUnique(Connection c, String trunkId, TlsIdentity identity) throws SQLException {
        for (Kind kind : Kind.values()) {
            List<String> values = kind.values.apply(identity);
            for (int i = 0; i < values.size(); i++) {
                if (Sql.exists(c, "SELECT 1 FROM trunk_tls_identity WHERE kind = ? AND match_key = ? AND trunk_id <> ?",
                        kind.name(), kind.key.apply(values.get(i)), trunkId)) {
                    throw new InvalidField("auth." + kind.field + "[" + i + "]",
                            "another trunk accepts this " + kind.what);
                }
            }
        }
    }

    static void insert(Connection c, String trunkId, TlsIdentity identity) throws SQLException {
        int ord = 0;
        for (Kind kind : Kind.values()) {
            for (String value : kind.values.apply(identity)) {
                Sql.update(c, "INSERT INTO trunk_tls_identity (trunk_id, ord, kind, accepted, match_key)"
                        + " VALUES (?, ?, ?, ?, ?)", trunkId, ord++, kind.name(), value, kind.key.apply(value));
            }
        }
    }
}
