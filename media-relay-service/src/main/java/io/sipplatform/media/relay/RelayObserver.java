package io.sipplatform.media.relay;

/** What the media plane reports for telemetry; called on event loops, so implementations must not block. */
public interface RelayObserver {
    /** One packet (RTP or RTCP) relayed. */
    void relayed(boolean rtcp);

    /** One packet dropped. */
    void dropped(DropReason reason);

    /** A party's source address learned from its first packet. */
    void latched();

    /** A media timeout fired. */
    void timedOut();

    /** The relay ended a silent session that nobody deleted. */
    void expired();

    /** Does nothing. */
    RelayObserver NONE = new RelayObserver() {
        @Override
        public void relayed(boolean rtcp) {
        }

        @Override
        public void dropped(DropReason reason) {
        }

        @Override
        public void latched() {
        }

        @Override
        public void timedOut() {
        }

        @Override
        public void expired() {
        }
    };
}
