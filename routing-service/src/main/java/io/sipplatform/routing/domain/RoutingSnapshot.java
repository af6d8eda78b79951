package io.sipplatform.routing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All provisioning in memory, indexed for decisions: trunks by source network and by digest account, DIDs by
 * number, routes in one prefix trie per route table, gateways by id. Immutable: a change builds a new snapshot and
 * swaps it in whole, so a decision always sees one consistent version.
 */
public final class RoutingSnapshot {
    /** A digest account and the trunk it authenticates. */
    public record AccountEntry(Trunk trunk, DigestAccount account) {
    }

    /** A gateway and its carrier. */
    public record GatewayEntry(Carrier carrier, Gateway gateway) {
    }

    private final long version;
    private final Map<String, Customer> customers;
    private final Map<String, Trunk> trunks;
    private final AddressIndex<Trunk> trunkNetworks;
    private final CertificateIndex trunkCertificates;
    private final AddressIndex<Carrier> carrierNetworks;
    private final Map<String, AccountEntry> accounts;
    private final Map<String, Trunk> aorTrunks;
    private final Map<String, Did> dids;
    private final Map<String, Set<String>> didsByCustomer;
    private final Map<String, Carrier> carriers;
    private final Map<String, GatewayEntry> gateways;
    private final Map<String, PrefixTrie<Route>> routeTables;
    private final Map<String, EmergencyRoute> emergency;
    private final int routeCount;

    private RoutingSnapshot(Provisioning p) {
        this.version = p.version();
        Map<String, Customer> customerMap = new HashMap<>();
        p.customers().forEach(c -> customerMap.put(c.id(), c));
        this.customers = Collections.unmodifiableMap(customerMap);

        Map<String, Trunk> trunkMap = new HashMap<>();
        AddressIndex<Trunk> byNetwork = new AddressIndex<>();
        Map<String, AccountEntry> byAccount = new HashMap<>();
        Map<String, Trunk> byAor = new HashMap<>();
        CertificateIndex byCertificate = new CertificateIndex();
        for (Trunk trunk : p.trunks()) {
            trunkMap.put(trunk.id(), trunk);
            if (trunk.auth() instanceof TrunkAuth.ByAddress address) {
                address.networks().forEach(n -> byNetwork.put(n, trunk));
            } else if (trunk.auth() instanceof TrunkAuth.ByDigest digest) {
                for (DigestAccount account : digest.accounts()) {
                    byAccount.putIfAbsent(accountKey(account.username(), account.realm()),
                            new AccountEntry(trunk, account));
                }
                digest.aors().forEach(aor -> byAor.putIfAbsent(aor, trunk));
            } else if (trunk.auth() instanceof TrunkAuth.ByCertificate certificate) {
                // not in the source-network index: without the certificate these networks are nobody's
                byCertificate.add(trunk, certificate.identity());
            }
        }
        this.trunkCertificates = byCertificate;
        this.aorTrunks = Collections.unmodifiableMap(byAor);
        this.trunks = Collections.unmodifiableMap(trunkMap);
        this.trunkNetworks = byNetwork;
        this.accounts = Collections.unmodifiableMap(byAccount);

        Map<String, Did> didMap = new HashMap<>();
        Map<String, Set<String>> ownDids = new HashMap<>();
        for (Did did : p.dids()) {
            didMap.put(did.number(), did);
            ownDids.computeIfAbsent(did.customerId(), k -> new HashSet<>()).add(did.number());
        }
        this.dids = Collections.unmodifiableMap(didMap);
        this.didsByCustomer = Collections.unmodifiableMap(ownDids);

        Map<String, Carrier> carrierMap = new HashMap<>();
        Map<String, GatewayEntry> gatewayMap = new HashMap<>();
        AddressIndex<Carrier> sources = new AddressIndex<>();
        for (Carrier carrier : p.carriers()) {
            carrierMap.put(carrier.id(), carrier);
            for (Gateway gateway : carrier.gateways()) {
                gatewayMap.put(gateway.id(), new GatewayEntry(carrier, gateway));
            }
            if (!carrier.enabled()) {
                continue; // a disabled carrier's calls are from an unknown source
            }
            carrier.sources().forEach(n -> sources.put(n, carrier));
            for (Gateway gateway : carrier.gateways()) {
                if (IpAddress.parse(gateway.host()) != null) {
                    sources.put(Cidr.parse("host", gateway.host().replace("[", "").replace("]", "")), carrier);
                }
            }
        }
        this.carriers = Collections.unmodifiableMap(carrierMap);
        this.gateways = Collections.unmodifiableMap(gatewayMap);
        this.carrierNetworks = sources;

        Map<String, PrefixTrie.Builder<Route>> builders = new HashMap<>();
        builders.put(RouteTable.DEFAULT, PrefixTrie.builder());
        p.routeTables().forEach(t -> builders.putIfAbsent(t.id(), PrefixTrie.builder()));
        for (Route route : p.routes()) {
            builders.computeIfAbsent(route.tableId(), k -> PrefixTrie.builder()).put(route.prefix(), route);
        }
        Map<String, PrefixTrie<Route>> tables = new HashMap<>();
        int count = 0;
        for (Map.Entry<String, PrefixTrie.Builder<Route>> e : builders.entrySet()) {
            PrefixTrie<Route> trie = e.getValue().build();
            count += trie.size();
            tables.put(e.getKey(), trie);
        }
        this.routeTables = Collections.unmodifiableMap(tables);
        this.routeCount = count;

        Map<String, EmergencyRoute> emergencyMap = new HashMap<>();
        p.emergencyRoutes().forEach(e -> emergencyMap.put(e.number(), e));
        this.emergency = Collections.unmodifiableMap(emergencyMap);
    }

    /** Indexes provisioning; dangling references (a trunk of a missing customer) are skipped at decision time. */
    public static RoutingSnapshot of(Provisioning provisioning) {
        return new RoutingSnapshot(provisioning);
    }

    /** An empty snapshot, used until the store was read once. */
    public static RoutingSnapshot empty() {
        return of(Provisioning.empty(0));
    }

    private static String accountKey(String username, String realm) {
        return username + '\u0000' + realm;
    }

    /** The store version this snapshot was built from. */
    public long version() {
        return version;
    }

    public Optional<Customer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    public Optional<Trunk> trunk(String id) {
        return Optional.ofNullable(trunks.get(id));
    }

    /** The IP-authenticated trunk whose most specific network contains {@code ip}. */
    public Optional<Trunk> trunkBySource(String ip) {
        return trunkNetworks.find(ip);
    }

    /**
     * The certificate trunk that accepts this verified client certificate from {@code ip}: by fingerprint, then
     * subjectAltName, then subject DN. The caller makes sure the certificate came over TLS.
     */
    public Optional<Trunk> trunkByCertificate(TlsPeer peer, String ip) {
        return trunkCertificates.find(peer, ip);
    }

    /** The enabled carrier whose most specific source network (or gateway address) contains {@code ip}. */
    public Optional<Carrier> carrierBySource(String ip) {
        return carrierNetworks.find(ip);
    }

    /** The digest account with this username in this realm, and its trunk. */
    public Optional<AccountEntry> account(String username, String realm) {
        return Optional.ofNullable(accounts.get(accountKey(username, realm)));
    }

    /**
     * The account for GetCredentials: only when its trunk and customer are enabled, so a disabled trunk cannot
     * register.
     */
    public Optional<AccountEntry> enabledAccount(String username, String realm) {
        return account(username, realm).filter(entry -> entry.trunk().enabled()
                && customer(entry.trunk().customerId()).map(Customer::enabled).orElse(false));
    }

    /** The registration trunk whose accounts may register this AOR (canonical {@code sip:user@host}). */
    public Optional<Trunk> trunkByAor(String aor) {
        return Optional.ofNullable(aorTrunks.get(aor));
    }

    public Optional<Did> did(String e164) {
        return Optional.ofNullable(dids.get(e164));
    }

    /** True when {@code e164} is a DID of the customer. */
    public boolean isOwnDid(String customerId, String e164) {
        return didsByCustomer.getOrDefault(customerId, Set.of()).contains(e164);
    }

    public Optional<Carrier> carrier(String id) {
        return Optional.ofNullable(carriers.get(id));
    }

    public Optional<GatewayEntry> gateway(String id) {
        return Optional.ofNullable(gateways.get(id));
    }

    /** Every enabled gateway of an enabled carrier that asks for OPTIONS probing, in id order. */
    public List<GatewayEntry> probedGateways() {
        List<GatewayEntry> out = new ArrayList<>();
        for (GatewayEntry entry : gateways.values()) {
            if (entry.carrier().enabled() && entry.gateway().enabled() && entry.gateway().probe()) {
                out.add(entry);
            }
        }
        out.sort((a, b) -> a.gateway().id().compareTo(b.gateway().id()));
        return out;
    }

    /**
     * The route for an E.164 destination: the longest match in the customer's own table, else in the default table.
     */
    public Optional<PrefixTrie.Match<Route>> route(String routeTableId, String e164) {
        if (routeTableId != null) {
            PrefixTrie<Route> own = routeTables.get(routeTableId);
            if (own != null) {
                Optional<PrefixTrie.Match<Route>> match = own.longestMatch(e164);
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return routeTables.get(RouteTable.DEFAULT).longestMatch(e164);
    }

    /** The emergency route for a number exactly as dialled (e.g. "112"). */
    public Optional<EmergencyRoute> emergency(String dialled) {
        return Optional.ofNullable(emergency.get(dialled));
    }

    /** Counts, for logs and health details. */
    public Map<String, Integer> counts() {
        return Map.of("customers", customers.size(), "trunks", trunks.size(), "dids", dids.size(), "carriers",
                carriers.size(), "gateways", gateways.size(), "routes", routeCount, "emergencyRoutes",
                emergency.size());
    }
}
