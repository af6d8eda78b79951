package io.sipplatform.routing.domain;

import java.util.Optional;

/**
 * Longest-match lookup of a source address among networks: a binary trie per address family, one level per bit,
 * so a lookup costs at most 32 (IPv4) or 128 (IPv6) steps however many networks are provisioned. Built once, then
 * read-only and safe to share between threads.
 */
final class AddressIndex<V> {
    private static final class Node<V> {
        Node<V> zero;
        Node<V> one;
        V value;
    }

    private final Node<V> v4 = new Node<>();
    private final Node<V> v6 = new Node<>();

    /** Adds a network; for the same network the first value added stays (the snapshot decides the order). */
    void put(Cidr cidr, V value) {
        Node<V> node = cidr.addressLength() == 4 ? v4 : v6;
        for (int bit = 0; bit < cidr.prefixLength(); bit++) {
            if (cidr.networkBit(bit)) {
                if (node.one == null) {
                    node.one = new Node<>();
                }
                node = node.one;
            } else {
                if (node.zero == null) {
                    node.zero = new Node<>();
                }
                node = node.zero;
            }
        }
        if (node.value == null) {
            node.value = value;
        }
    }

    /** The value of the most specific network containing the address; empty for unknown or invalid addresses. */
    Optional<V> find(String address) {
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return Optional.empty();
        }
        Node<V> node = bytes.length == 4 ? v4 : v6;
        V best = node.value;
        for (int bit = 0; bit < bytes.length * 8 && node != null; bit++) {
            node = Cidr.bitAt(bytes, bit) ? node.one : node.zero;
            if (node != null && node.value != null) {
                best = node.value;
            }
        }
        return Optional.ofNullable(best);
    }
}
