package io.sipplatform.sip.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sipplatform.sip.SipParseException;

/**
 * Coverage-guided fuzzing of the parser and every rewrite. Without JAZZER_FUZZ it replays the seeds and findings in
 * src/test/resources/io/sipplatform/sip/sdp/SdpFuzzTestInputs/ as a regression test.
 */
class SdpFuzzTest {

    @FuzzTest
    void parseAndRewrite(byte[] data) {
        SessionDescription sd;
        try {
            sd = SessionDescription.parse(data);
        } catch (SipParseException expected) {
            return;
        }
        SdpRewriteChain.checkEveryRewrite(sd);
    }
}
