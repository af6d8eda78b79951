package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.uri.Uri;

import java.util.concurrent.CompletionStage;

/**
 * Resolves the next hop of a request to an address (RFC 3263: transport, port, address). The stage may complete
 * on any thread; failure means no address (the branch answers 503).
 */
public interface NextHops {
    CompletionStage<Destination> resolve(Uri uri, Transport preferred);
}
