package io.sipplatform.routing.domain;

import java.util.List;

/**
 * How a trunk proves who it is: by source address, by digest credentials (registration trunks), or by the client
 * certificate of a mutual-TLS connection.
 */
public sealed interface TrunkAuth permits TrunkAuth.ByAddress, TrunkAuth.ByDigest, TrunkAuth.ByCertificate {

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

    /**
     * Mutual-TLS authentication: requests over TLS whose verified client certificate the identity accepts are the
     * trunk's. The networks are not an ACL of their own: a request from them without such a certificate, or over
     * another transport, is from an unknown source (407), never this trunk's.
     *
     * @param identity certificates accepted
     * @param networks source networks the certificate must also come from; empty means any source
     */
    record ByCertificate(TlsIdentity identity, List<Cidr> networks) implements TrunkAuth {
        public ByCertificate {
            FieldRules.required("identity", identity);
            networks = FieldRules.each("networks", networks);
        }

        /** True when a request from {@code ip} with this peer certificate is the trunk's. */
        public boolean accepts(TlsPeer peer, String ip) {
            return identity.accepts(peer) && (networks.isEmpty() || networks.stream().anyMatch(n -> n.contains(ip)));
        }
    }
}
