package io.sipplatform.bench;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipRequest;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads every typed header accessor of a message, each on its own, so one rejected header does not skip the work
 * of the others. {@link SipParseException} is the only exception our parsers may throw; anything else escapes and
 * fails the benchmark (and {@code HostileInputTest}).
 */
final class TypedHeaders {

    private TypedHeaders() {
    }

    /** Hands each parsed value, or the {@link SipParseException} it threw, to {@code out}; returns the rejections. */
    static int readAll(SipMessage m, Consumer<Object> out) {
        int rejected = 0;
        if (m instanceof SipRequest) {
            rejected += read(((SipRequest) m)::requestUri, out);
        }
        rejected += read(m::topVia, out);
        rejected += read(m::vias, out);
        rejected += read(m::callId, out);
        rejected += read(m::cseq, out);
        rejected += read(m::from, out);
        rejected += read(m::to, out);
        rejected += read(m::maxForwards, out);
        rejected += read(m::routes, out);
        rejected += read(m::recordRoutes, out);
        rejected += read(m::paths, out);
        rejected += read(m::contacts, out);
        rejected += read(m::expires, out);
        rejected += read(m::minExpires, out);
        rejected += read(m::contentType, out);
        rejected += read(m::authorizations, out);
        rejected += read(m::proxyAuthorizations, out);
        rejected += read(m::wwwAuthenticates, out);
        rejected += read(m::proxyAuthenticates, out);
        rejected += read(m::require, out);
        rejected += read(m::proxyRequire, out);
        rejected += read(m::supported, out);
        rejected += read(m::unsupported, out);
        rejected += read(m::allow, out);
        rejected += read(m::retryAfter, out);
        return rejected;
    }

    private static int read(Supplier<?> accessor, Consumer<Object> out) {
        try {
            out.accept(accessor.get());
            return 0;
        } catch (SipParseException e) {
            out.accept(e);
            return 1;
        }
    }
}
