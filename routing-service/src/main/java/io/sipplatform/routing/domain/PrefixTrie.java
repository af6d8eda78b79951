package io.sipplatform.routing.domain;

import java.util.Optional;

/**
 * Longest-prefix match over E.164 destinations: one node per digit after the '+', children allocated only for
 * digits in use. A lookup walks at most 15 nodes and allocates nothing but its result. Filled by {@link Builder},
 * then immutable and safe to share between threads.
 *
 * @param <V> what a prefix maps to (a route)
 */
public final class PrefixTrie<V> {
    private static final class Node<V> {
        Node<V>[] children; // index = digit; null until the first child
        V value;

        @SuppressWarnings("unchecked")
        Node<V> child(int digit, boolean create) {
            if (children == null) {
                if (!create) {
                    return null;
                }
                children = (Node<V>[]) new Node<?>[10];
            }
            Node<V> child = children[digit];
            if (child == null && create) {
                child = new Node<>();
                children[digit] = child;
            }
            return child;
        }
    }

    /** A match: the prefix that matched and its value. */
    public record Match<V>(String prefix, V value) {
    }

    private final Node<V> root;
    private final int size;

    private PrefixTrie(Node<V> root, int size) {
        this.root = root;
        this.size = size;
    }

    /** An empty trie. */
    public static <V> PrefixTrie<V> empty() {
        return new PrefixTrie<>(new Node<>(), 0);
    }

    /** How many prefixes hold a value. */
    public int size() {
        return size;
    }

    /**
     * The value of the longest prefix of {@code e164} that has one ({@code +4930123} matches {@code +4930} before
     * {@code +49}); empty when none does or {@code e164} does not start with '+'.
     */
    public Optional<Match<V>> longestMatch(String e164) {
        if (e164 == null || e164.isEmpty() || e164.charAt(0) != '+') {
            return Optional.empty();
        }
        Node<V> node = root;
        V best = root.value;
        int bestLength = 1;
        for (int i = 1; i < e164.length(); i++) {
            int digit = e164.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            node = node.child(digit, false);
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = node.value;
                bestLength = i + 1;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match<>(e164.substring(0, bestLength), best));
    }

    /** Collects prefixes; not thread-safe, used by one thread while a snapshot is built. */
    public static final class Builder<V> {
        private final Node<V> root = new Node<>();
        private int size;
        private boolean built;

        /**
         * Maps a prefix to a value; a second value for the same prefix replaces the first.
         *
         * @throws IllegalArgumentException when the prefix is not '+' followed by digits
         */
        public Builder<V> put(String prefix, V value) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (!E164.isPrefix(prefix) || value == null) {
                throw new IllegalArgumentException("not a prefix: " + prefix);
            }
            Node<V> node = root;
            for (int i = 1; i < prefix.length(); i++) {
                node = node.child(prefix.charAt(i) - '0', true);
            }
            if (node.value == null) {
                size++;
            }
            node.value = value;
            return this;
        }

        /** The trie; the builder cannot be used afterwards, so the trie stays immutable. */
        public PrefixTrie<V> build() {
            built = true;
            return new PrefixTrie<>(root, size);
        }
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }
}
