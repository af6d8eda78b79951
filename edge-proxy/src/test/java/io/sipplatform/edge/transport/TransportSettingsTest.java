package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.FrameLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransportSettingsTest {
    private static final ListenerSettings UDP = ListenerSettings.of(Transport.UDP, "127.0.0.1", 5060);
    private static final TlsSettings FILES = TlsSettings.of(Path.of("tls.crt"), Path.of("tls.key"));

    @Test
    void defaultsAreTheDocumentedOnes() {
        TransportSettings s = TransportSettings.of(UDP);

        assertEquals(100, s.maxConnectionsPerIp());
        assertEquals(10_000, s.maxConnections());
        assertEquals(Duration.ofMinutes(15), s.idleTimeout());
        assertEquals(Duration.ofMinutes(15), s.outboundIdleTimeout());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(10), s.certificateCheckInterval());
        assertEquals(FrameLimits.DEFAULTS, s.frameLimits());
        assertEquals(1, s.serverInstances());
        assertEquals(OutboundTlsSettings.DEFAULTS, s.outboundTls());
        assertEquals(1 << 20, s.udpReceiveBufferBytes());
    }

    @Test
    void advertisesTheListenAddressUnlessToldOtherwise() {
        assertEquals("127.0.0.1", UDP.advertisedHost());
        assertEquals(0, UDP.advertisedPort());
        ListenerSettings natted = ListenerSettings.of(Transport.TCP, "0.0.0.0", 5060, "203.0.113.7", 15060);
        assertEquals("203.0.113.7", natted.advertisedHost());
        assertEquals(15060, natted.advertisedPort());
        assertEquals("::1", ListenerSettings.of(Transport.UDP, "[::1]", 0).listenHost());
        ListenerSettings moved = UDP.advertising("sip.example.net", 0);
        assertEquals("sip.example.net", moved.advertisedHost());
        assertEquals(5060, moved.listenPort());
    }

    @Test
    void keepsTheUdpReadBufferAboveTheMessageLimit() {
        TransportSettings s = TransportSettings.of(UDP).withUdpReceiveBufferBytes(1000);
        assertEquals(FrameLimits.DEFAULTS.maxMessageBytes() + 1, s.udpReceiveBufferBytes());
    }

    @Test
    void listenPointWritesIpv6InBrackets() {
        assertEquals("[2001:db8::1]:5061", new ListenPoint(Transport.TLS, "2001:db8::1", 5061).hostPort());
        assertEquals("[2001:db8::1]:5061", new ListenPoint(Transport.TLS, "[2001:db8::1]", 5061).hostPort());
        assertEquals("sip.example.net:5060", new ListenPoint(Transport.UDP, "sip.example.net", 5060).hostPort());
    }

    @Test
    void clientAuthenticationDefaultsToNone() {
        assertEquals(TlsSettings.ClientAuth.NONE, FILES.clientAuth());
        assertNull(FILES.trustedCa());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("no listeners", (Executable) () -> TransportSettings.of(List.of())),
                Arguments.of("wildcard without advertised host",
                        (Executable) () -> ListenerSettings.of(Transport.UDP, "0.0.0.0", 5060)),
                Arguments.of("IPv6 wildcard without advertised host",
                        (Executable) () -> ListenerSettings.of(Transport.TCP, "::", 5060)),
                Arguments.of("port out of range",
                        (Executable) () -> ListenerSettings.of(Transport.UDP, "127.0.0.1", 65_536)),
                Arguments.of("TLS without files",
                        (Executable) () -> ListenerSettings.of(Transport.TLS, "127.0.0.1", 5061)),
                Arguments.of("WSS without files",
                        (Executable) () -> ListenerSettings.of(Transport.WSS, "127.0.0.1", 443)),
                Arguments.of("TCP with files",
                        (Executable) () -> ListenerSettings.secure(Transport.TCP, "127.0.0.1", 5060, FILES)),
                Arguments.of("client auth without CA",
                        (Executable) () -> new TlsSettings(Path.of("a"), Path.of("b"), null,
                                TlsSettings.ClientAuth.REQUIRED)),
                Arguments.of("client certificate without key",
                        (Executable) () -> new OutboundTlsSettings(null, Path.of("c"), null, true)),
                Arguments.of("zero per-IP cap",
                        (Executable) () -> TransportSettings.of(UDP).withConnectionCaps(0, 10)),
                Arguments.of("zero idle timeout",
                        (Executable) () -> TransportSettings.of(UDP).withIdleTimeouts(Duration.ZERO,
                                Duration.ofMinutes(1))),
                Arguments.of("idle timeout beyond an int of milliseconds",
                        (Executable) () -> TransportSettings.of(UDP).withIdleTimeouts(Duration.ofDays(30),
                                Duration.ofMinutes(1))),
                Arguments.of("no server instance",
                        (Executable) () -> TransportSettings.of(UDP).withServerInstances(0)),
                Arguments.of("advertised port 0 is fine but not negative",
                        (Executable) () -> UDP.advertising("sip.example.net", -1)),
                Arguments.of("ListenPoint port 0",
                        (Executable) () -> new ListenPoint(Transport.UDP, "sip.example.net", 0)));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("invalidSettings")
    void refusesInvalidSettings(String what, Executable construction) {
        assertThrows(IllegalArgumentException.class, construction);
    }
}
