/**
 * Ending calls whose media stopped: the media relays' media-timeout and session-expired events (with the teardown
 * context the edge sealed at the offer and answer) become a BYE to each party, the CDR end with cause
 * MEDIA_TIMEOUT, the relay session's delete and the lease release, as Kamailio does with rtpproxy timeout
 * notifications and {@code dlg_end_dlg}. Not here: subscribing to the relays (the gRPC adapter in {@code upstream})
 * and building the contexts (the proxy core, which sees the SIP messages).
 */
package io.sipplatform.edge.teardown;
