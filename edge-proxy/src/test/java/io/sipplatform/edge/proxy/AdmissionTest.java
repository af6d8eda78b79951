package io.sipplatform.edge.proxy;

import io.sipplatform.sip.message.SipMethod;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which new out-of-dialog requests the edge takes when busy, by method, with a clock the test moves. */
class AdmissionTest {
    final AtomicLong now = new AtomicLong();
    final Admission admission = new Admission(100, 2, now::get);

    @Test
    void invitesBeyondTheCallRateAreShedUntilTheBucketRefills() {
        assertTrue(admission.admits(0, SipMethod.INVITE));
        assertTrue(admission.admits(0, SipMethod.INVITE));
        assertFalse(admission.admits(0, SipMethod.INVITE), "a burst of one second's worth, then 503");
        assertTrue(admission.admits(0, SipMethod.REGISTER), "the call rate limits calls only");
        now.addAndGet(500_000_000L);
        assertTrue(admission.admits(0, SipMethod.INVITE), "half a second at 2/s refills one call");
        assertFalse(admission.admits(0, SipMethod.INVITE));
    }

    @Test
    void optionsPassAnOverloadedShardButNotADrainingEdge() {
        assertFalse(admission.admits(101, SipMethod.REGISTER), "above the open-transaction bound");
        assertTrue(admission.admits(101, SipMethod.OPTIONS), "pings keep flowing under load");
        admission.drain();
        assertFalse(admission.admits(0, SipMethod.OPTIONS), "a draining edge takes nothing new");
    }
}
