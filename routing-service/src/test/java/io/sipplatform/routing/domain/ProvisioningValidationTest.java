package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.Ha1;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisioningValidationTest {
    static Stream<Arguments> invalidValuesNameTheirField() {
        return Stream.of(
                Arguments.of("id", (Executable) () -> new Customer("has space", "x", true, null)),
                Arguments.of("name", (Executable) () -> new Customer("c", "", true, null)),
                Arguments.of("maxConcurrent", (Executable) () -> new TrunkLimits(-1, 0)),
                Arguments.of("maxCps", (Executable) () -> new TrunkLimits(0, 10_001)),
                Arguments.of("countryCode", (Executable) () -> new NumberPlan("049", "0", "00", "", false)),
                Arguments.of("internationalPrefix", (Executable) () -> new NumberPlan("49", "0", "0", "", false)),
                Arguments.of("number", (Executable) () -> new Did("030123", "c", "t", Delivery.STATIC, null, null,
                        true)),
                Arguments.of("aor", (Executable) () -> new Did("+4930123", "c", "t", Delivery.REGISTERED, null,
                        null, true)),
                Arguments.of("port", (Executable) () -> new Gateway("g", "gw.example", 70000, Transport.UDP, 0, 1,
                        true, true)),
                Arguments.of("host", (Executable) () -> new Gateway("g", "gw example", 5060, Transport.UDP, 0, 1,
                        true, true)),
                Arguments.of("prefix", (Executable) () -> new Route("r", null, "49", List.of(
                        new RouteCarrier("c", 0, 1)))),
                Arguments.of("carriers", (Executable) () -> new Route("r", null, "+49", List.of())),
                Arguments.of("defaultNumber", (Executable) () -> new CallerIdPolicy(CallerIdMode.REPLACE, List.of(),
                        null, false, false)),
                Arguments.of("allowed[1]", (Executable) () -> new CallerIdPolicy(CallerIdMode.REJECT,
                        List.of("+49", "030"), null, false, false)),
                Arguments.of("codecs[0]", (Executable) () -> new MediaPolicy(true, List.of("PC MA"), false)),
                Arguments.of("addresses[0]", (Executable) () -> new Trunk("t", "c", "T", true,
                        new TrunkAuth.ByAddress(List.of(Cidr.parse("n", "192.0.2.1")), List.of(Transport.UDP)),
                        TrunkLimits.NONE, DestinationPolicy.DOMESTIC, CallerIdPolicy.PASS, World.GERMANY,
                        MediaPolicy.RELAY, List.of("http://pbx"), NumberFormat.E164)),
                Arguments.of("transports", (Executable) () -> new TrunkAuth.ByAddress(
                        List.of(Cidr.parse("n", "192.0.2.1")), List.of())),
                Arguments.of("ha1Md5", (Executable) () -> new DigestAccount("u", "r", "abc", null)),
                Arguments.of("password", (Executable) () -> new DigestAccount("u", "r", null, null)),
                Arguments.of("techPrefix", (Executable) () -> new NumberRewrite(NumberFormat.E164, 0, "", "ab")),
                Arguments.of("number", (Executable) () -> new EmergencyRoute("1", List.of(
                        new RouteCarrier("c", 0, 1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidValuesNameTheirField(String field, Executable construction) {
        assertEquals(field, assertThrows(InvalidField.class, construction).field());
    }

    @Test
    void passwordIsKeptOnlyAsHa1ForBothAlgorithms() {
        DigestAccount account = DigestAccount.fromPassword("alice", "sip.example", "secret");
        assertEquals(Ha1.of(DigestAlgorithm.MD5, "alice", "sip.example", "secret"), account.ha1Md5());
        assertEquals(Ha1.of(DigestAlgorithm.SHA_256, "alice", "sip.example", "secret"), account.ha1Sha256());
        assertEquals(account.ha1Sha256(), account.ha1For(DigestAlgorithm.SHA_256_SESS));
        assertNull(account.ha1For(DigestAlgorithm.SHA_512_256));
    }

    @Test
    void upperCaseHa1IsStoredLowerCase() {
        assertEquals("0123456789abcdef0123456789abcdef",
                new DigestAccount("u", "r", "0123456789ABCDEF0123456789ABCDEF", null).ha1Md5());
    }

    @Test
    void transportsAreDeduplicatedAndOrdered() {
        assertEquals(List.of(Transport.UDP, Transport.TLS), new TrunkAuth.ByAddress(
                List.of(Cidr.parse("n", "192.0.2.1")), List.of(Transport.TLS, Transport.UDP, Transport.TLS))
                .transports());
    }
}
