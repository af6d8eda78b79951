package io.sipplatform.routing.domain;

import java.util.List;

/** How a trunk proves who it is: by source address, or by digest credentials (registration trunks). */
public sealed interface TrunkAuth permits TrunkAuth.ByAddress, TrunkAuth.ByDigest {

    /**
     * IP authentication: requests from these networks over these transports are the trunk's.
     *
     * @param networks   source networks; the most specific network across all trunks decides
     * @param transports transports the trunk may use; a request over another one gets 403
     */
    record ByAddress(List<Cidr> networks, List<Transport> transports) implements TrunkAuth {
        public ByAddress {
            networks = FieldRules.each("networks", networks);
            if (networks.isEmpty()) {
                throw new InvalidField("networks", "at least one network");
            }
            transports = FieldRules.each("transports", transports).stream().distinct().sorted().toList();
            if (transports.isEmpty()) {
                throw new InvalidField("transports", "at least one transport");
            }
        }
    }

    /**
     * Digest authentication: the trunk registers its AORs and answers 407 challenges for calls.
     *
     * @param accounts digest accounts (usually one)
     * @param aors     addresses-of-record the accounts may register, canonical sip: URIs
     */
    record ByDigest(List<DigestAccount> accounts, List<String> aors) implements TrunkAuth {
        public ByDigest {
            accounts = FieldRules.each("accounts", accounts);
            if (accounts.isEmpty()) {
                throw new InvalidField("accounts", "at least one account");
            }
            aors = FieldRules.each("aors", aors, (path, aor) -> UriText.sipUri(path, aor).toString());
        }
    }
}
