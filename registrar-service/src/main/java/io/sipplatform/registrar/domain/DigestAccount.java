package io.sipplatform.registrar.domain;

import io.sipplatform.sip.digest.DigestAlgorithm;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A digest account: HA1 per base hash (RFC 7616 §3.4.2) and the AORs it may register.
 *
 * @param username digest username
 * @param realm    realm the HA1 values were computed for
 * @param ha1      HA1 in hex per base algorithm (MD5, SHA_256, SHA_512_256; a -sess key is folded onto its base)
 * @param aors     AORs the account may register; empty allows only {@code sip:username@realm}
 * @param customerId owning customer, "" when unknown
 * @param trunkId  registration trunk, "" when unknown
 */
public record DigestAccount(String username, String realm, Map<DigestAlgorithm, String> ha1, List<Aor> aors,
        String customerId, String trunkId) {

    public DigestAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Map<DigestAlgorithm, String> byBase = new EnumMap<>(DigestAlgorithm.class);
        ha1.forEach((algorithm, hex) -> byBase.put(base(algorithm), hex.toLowerCase(Locale.ROOT)));
        ha1 = Map.copyOf(byBase);
        aors = List.copyOf(aors);
        customerId = customerId == null ? "" : customerId;
        trunkId = trunkId == null ? "" : trunkId;
    }

    /** The stored HA1 that verifies a response made with {@code algorithm} (or its -sess variant). */
    public Optional<String> ha1For(DigestAlgorithm algorithm) {
        return Optional.ofNullable(ha1.get(base(algorithm)));
    }

    /** RFC 3261 §10.3 step 4: may this account change the bindings of {@code aor}? */
    public boolean mayRegister(Aor aor) {
        if (!aors.isEmpty()) {
            return aors.contains(aor);
        }
        return aor.user().equals(username) && aor.host().equalsIgnoreCase(realm);
    }

    /** The base algorithm whose HA1 also serves the -sess variant. */
    public static DigestAlgorithm base(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5, MD5_SESS -> DigestAlgorithm.MD5;
            case SHA_256, SHA_256_SESS -> DigestAlgorithm.SHA_256;
            case SHA_512_256, SHA_512_256_SESS -> DigestAlgorithm.SHA_512_256;
        };
    }
}
