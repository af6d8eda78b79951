package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipplatform.media.relay.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

class SignallingSourceTest {

    @ParameterizedTest(name = "{0} private: {1}")
    @CsvSource({
        "10.1.2.3, true",
        "172.16.0.1, true",
        "172.31.255.255, true",
        "172.32.0.1, false",
        "192.168.1.10, true",
        "100.64.0.1, true",
        "100.128.0.1, false",
        "169.254.1.1, true",
        "0.0.0.0, true",
        "203.0.113.5, false",
        "127.0.0.1, false",
        "fd00::1, true",
        "fe80::1, true",
        "2001:db8::1, false",
        "pbx.example.com, false",
        "10.1.2, false",
        "10.1.2.3.4, false",
        "10.1.2.300, false",
    })
    void privateAndUnspecifiedAddressesAreRecognised(String host, boolean expected) {
        assertEquals(expected, SdpRewrite.isPrivateOrUnspecified(host));
    }

    @ParameterizedTest(name = "c={0} from {1} targets {2}")
    @CsvSource({
        "192.168.1.10, 198.51.100.9, 198.51.100.9",
        "203.0.113.5, 198.51.100.9, 203.0.113.5",
    })
    void privateConnectionAddressIsReplacedByTheSignallingSource(String signalled, String source, String target) {
        SdpRewrite.Signalled sig = new SdpRewrite.Signalled(new Endpoint(signalled, 4000),
                new Endpoint(signalled, 4001), false, Map.of());
        SdpRewrite.Signalled result = sig.behindNat(source);
        assertEquals(new Endpoint(target, 4000), result.rtp());
        assertEquals(new Endpoint(target, 4001), result.rtcp());
    }
}
