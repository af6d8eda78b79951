package io.sipplatform.edge.proxy;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.uri.AbsoluteUri;
import io.sipplatform.sip.uri.Uri;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Request validation of RFC 3261 §16.3 before a proxy forwards a request: the syntax of what it reads, the
 * Request-URI scheme (416), Max-Forwards (483), loops (482) and Proxy-Require (420). Pure: the edge supplies which
 * extensions it supports and how to recognise its own Via.
 */
public final class RequestValidator {
    /** Most Via values a request may carry. */
    public static final int MAX_VIAS = 70;

    private final Set<String> supportedExtensions;
    private final Predicate<Via> ownVia;

    /**
     * @param supportedExtensions option tags the edge supports in Proxy-Require (usually none)
     * @param ownVia              true for a Via value this edge inserted (its sent-by), for loop detection
     */
    public RequestValidator(Set<String> supportedExtensions, Predicate<Via> ownVia) {
        this.supportedExtensions = Set.copyOf(supportedExtensions);
        this.ownVia = ownVia;
    }

    /**
     * Checks a request; empty when it may be forwarded.
     *
     * @param loopKey the loop-detection key this edge would put into its branch for this request (RFC 3261
     *                §16.6 step 8), so a Via of ours carrying the same key means the request came back unchanged
     */
    public Optional<Rejection> validate(SipRequest request, String loopKey) {
        // 1. Reasonable syntax: everything the proxy reads must parse (§16.3 item 1)
        Uri uri;
        List<Via> vias;
        int maxForwards;
        try {
            uri = request.requestUri();
            vias = request.vias();
            request.from();
            request.to();
            request.callId();
            request.cseq();
            maxForwards = request.maxForwards();
            request.routes();
        } catch (SipParseException e) {
            return Optional.of(Rejection.of(400, "Bad Request (" + e.getMessage() + ")"));
        }
        // A Via stack deeper than any real path (70 is the Max-Forwards a UA starts with, §8.1.1.6) is a loop or an
        // attack on everyone who parses it: refused like an exhausted Max-Forwards
        if (vias.size() > MAX_VIAS) {
            return Optional.of(Rejection.of(483, "Too Many Hops"));
        }
        // 2. URI scheme (§16.3 item 2)
        if (uri instanceof AbsoluteUri) {
            return Optional.of(Rejection.of(416, "Unsupported URI Scheme"));
        }
        // 3. Max-Forwards (§16.3 item 3); OPTIONS to the edge itself is answered elsewhere before this
        if (maxForwards == 0) {
            return Optional.of(Rejection.of(483, "Too Many Hops"));
        }
        // 4. Loop detection (§16.3 item 4)
        for (Via v : vias) {
            String branch = v.branch();
            if (ownVia.test(v) && branch != null && loopKey != null && branch.contains(loopKey)) {
                return Optional.of(Rejection.of(482, "Loop Detected"));
            }
        }
        // 5. Proxy-Require (§16.3 item 5)
        List<String> unsupported = new ArrayList<>();
        try {
            for (String tag : request.proxyRequire()) {
                if (!supportedExtensions.contains(tag)) {
                    unsupported.add(tag);
                }
            }
        } catch (SipParseException e) {
            return Optional.of(Rejection.of(400, "Bad Request (Proxy-Require)"));
        }
        if (!unsupported.isEmpty()) {
            return Optional.of(new Rejection(420, "Bad Extension", Map.of("Unsupported",
                    String.join(", ", unsupported))));
        }
        return Optional.empty();
    }
}
