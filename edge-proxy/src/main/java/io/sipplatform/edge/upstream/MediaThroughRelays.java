package io.sipplatform.edge.upstream;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.edge.transport.Inbound;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The media half of {@link Upstream}: new sessions placed and every later operation sent to the relay holding the
 * call, by {@link MediaRelays}. The rest (routing, registrar, leases) is the subclass's.
 */
public abstract class MediaThroughRelays implements Upstream {
    private final MediaRelays media;

    protected MediaThroughRelays(MediaRelays media) {
        this.media = media;
    }

    /** The relays (their failure and failover counts, for metrics). */
    protected final MediaRelays relays() {
        return media;
    }

    @Override
    public String newSessionRelay() {
        return media.pick();
    }

    @Override
    public CompletionStage<Media> offer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        return media.offer(leg, sdp, source, teardown);
    }

    @Override
    public CompletionStage<Media> answer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        return media.answer(leg, sdp, source, teardown);
    }

    @Override
    public CompletionStage<List<CallEvents.MediaStream>> deleteMedia(MediaLeg leg) {
        return media.delete(leg);
    }
}
