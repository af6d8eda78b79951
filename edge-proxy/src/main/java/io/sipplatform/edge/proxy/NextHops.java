package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.uri.Uri;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Resolves the next hop of a request to an address (RFC 3263: transport, port, address). The stage may complete
 * on any thread; failure means no address (the branch answers 503).
 */
public interface NextHops {
    CompletionStage<Destination> resolve(Uri uri, Transport preferred);

    /**
     * Every destination in the order to try them (RFC 3263 §4.3: the next one after a transport error or timeout).
     * By default the one of {@link #resolve}.
     */
    default CompletionStage<List<Destination>> resolveAll(Uri uri, Transport preferred) {
        return resolve(uri, preferred).thenApply(List::of);
    }
}
