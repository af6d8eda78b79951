package io.sipplatform.edge.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The wire form of a {@link TeardownContext}, integrity-protected with the Record-Route secrets ({@link RouteToken},
 * purpose {@value #PURPOSE}): a forged or altered context never verifies, so a media event cannot make the edge send
 * BYEs to targets of someone's choosing. Compact binary: {@code version flags call-id lease (address target reach
 * cseq route-count routes*){2} mac}, strings as modified UTF-8 with a two-octet length. A context above
 * {@link #MAX_BYTES} (the relay's limit) is not sent; that and every other context the edge could not build is
 * counted by reason. Thread-safe.
 */
public final class TeardownSeal {
    /** The relay keeps at most this many bytes (media_relay.proto: INVALID_ARGUMENT beyond). */
    public static final int MAX_BYTES = 4096;
    static final String PURPOSE = "media-teardown";
    private static final int VERSION = 1;
    private static final int CONFIRMED = 1;

    /** Why a context was not sent with an offer or answer. */
    public enum Unsent {
        /** Sealed, it was larger than {@link #MAX_BYTES} (long route sets or URIs). */
        OVERSIZE,
        /** An in-dialog request came through proxies (more than one Via): its sender's route set is not known. */
        ROUTE_SET_UNKNOWN,
        /** The 2xx does not carry the edge's Record-Route, or misses a header the BYE needs. */
        INCOMPLETE
    }

    private final RouteToken keys;
    private final AtomicLongArray unsent = new AtomicLongArray(Unsent.values().length);

    /** @param keys the Record-Route secrets (the first signs, each verifies) */
    public TeardownSeal(RouteToken keys) {
        this.keys = keys;
    }

    /** The sealed context, or null (counted) when it is larger than {@link #MAX_BYTES}. */
    public byte[] seal(TeardownContext c) {
        byte[] payload;
        try {
            payload = encode(c);
        } catch (UncheckedIOException e) { // a value over 64 KiB
            count(Unsent.OVERSIZE);
            return null;
        }
        byte[] mac = keys.sign(PURPOSE, payload);
        if (payload.length + mac.length > MAX_BYTES) {
            count(Unsent.OVERSIZE);
            return null;
        }
        byte[] out = Arrays.copyOf(payload, payload.length + mac.length);
        System.arraycopy(mac, 0, out, payload.length, mac.length);
        return out;
    }

    /** The payload of a sealed context when its MAC verifies under one of the secrets; empty otherwise. */
    public Optional<byte[]> verify(byte[] sealed) {
        int macLength = RouteToken.macLength();
        if (sealed == null || sealed.length <= macLength || sealed.length > MAX_BYTES) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(sealed, sealed.length - macLength);
        byte[] mac = Arrays.copyOfRange(sealed, sealed.length - macLength, sealed.length);
        return keys.verify(PURPOSE, payload, mac) ? Optional.of(payload) : Optional.empty();
    }

    /** The context of a verified payload; empty when it is not one this version reads (never throws). */
    public static Optional<TeardownContext> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readUnsignedByte() != VERSION) {
                return Optional.empty();
            }
            boolean confirmed = (in.readUnsignedByte() & CONFIRMED) != 0;
            String callId = in.readUTF();
            String lease = in.readUTF();
            TeardownContext.Party caller = party(in);
            TeardownContext.Party callee = party(in);
            if (in.available() != 0 || callId.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TeardownContext(confirmed, callId, caller, callee, lease.isEmpty() ? null : lease));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Counts a context the edge could not build or send. */
    public void count(Unsent reason) {
        unsent.incrementAndGet(reason.ordinal());
    }

    /** Contexts not sent, for one reason. */
    public long unsent(Unsent reason) {
        return unsent.get(reason.ordinal());
    }

    static byte[] encode(TeardownContext c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(c.confirmed() ? CONFIRMED : 0);
            out.writeUTF(c.callId());
            out.writeUTF(nz(c.leaseId()));
            party(out, c.caller());
            party(out, c.callee());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail; a string over 64 KiB does
        }
        return bytes.toByteArray();
    }

    private static void party(DataOutputStream out, TeardownContext.Party p) throws IOException {
        out.writeUTF(p.address());
        out.writeUTF(nz(p.target()));
        out.writeUTF(nz(p.reach()));
        out.writeInt((int) p.cseq()); // below 2^31 (RFC 3261 §8.1.1.5), or -1
        out.writeShort(p.routeSet().size());
        for (String r : p.routeSet()) {
            out.writeUTF(r);
        }
    }

    private static TeardownContext.Party party(DataInputStream in) throws IOException {
        String address = in.readUTF();
        String target = in.readUTF();
        String reach = in.readUTF();
        long cseq = in.readInt();
        int n = in.readUnsignedShort();
        List<String> routes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            routes.add(in.readUTF());
        }
        return new TeardownContext.Party(address, target.isEmpty() ? null : target, routes,
                reach.isEmpty() ? null : reach, cseq);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
