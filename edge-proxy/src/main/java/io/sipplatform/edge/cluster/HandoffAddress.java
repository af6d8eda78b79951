package io.sipplatform.edge.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Replica ids that name the replica's internal hand-off address: {@code h} + the IPv4 or IPv6 address in hex + the
 * port as four hex digits, e.g. {@code h0a0001071f8e} for 10.0.1.7:8078. They contain no '-', so they can be read
 * back from a branch {@code z9hG4bK-<replica>-...}.
 */
public final class HandoffAddress {
    private static final String BRANCH_PREFIX = "z9hG4bK-";

    private HandoffAddress() {
    }

    /** The replica id for an internal address. */
    public static String replicaId(InetSocketAddress internal) {
        byte[] ip = internal.getAddress().getAddress();
        return "h" + HexFormat.of().formatHex(ip) + String.format("%04x", internal.getPort());
    }

    /** The internal address a replica id names, if it is a hand-off id. */
    public static Optional<InetSocketAddress> of(String replicaId) {
        if (replicaId == null || !replicaId.startsWith("h")
                || (replicaId.length() != 1 + 8 + 4 && replicaId.length() != 1 + 32 + 4)) {
            return Optional.empty();
        }
        try {
            byte[] ip = HexFormat.of().parseHex(replicaId, 1, replicaId.length() - 4);
            int port = Integer.parseInt(replicaId.substring(replicaId.length() - 4), 16);
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The replica id in a branch this edge wrote ({@code z9hG4bK-<replica>-...}), if any. */
    public static Optional<String> replicaOfBranch(String branch) {
        if (branch == null || !branch.startsWith(BRANCH_PREFIX)) {
            return Optional.empty();
        }
        int end = branch.indexOf('-', BRANCH_PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(branch.substring(BRANCH_PREFIX.length(), end));
    }
}
