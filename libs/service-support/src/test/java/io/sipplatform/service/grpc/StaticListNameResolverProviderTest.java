package io.sipplatform.service.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticListNameResolverProviderTest {
    private final StaticListNameResolverProvider provider = new StaticListNameResolverProvider();

    private static List<EquivalentAddressGroup> resolve(NameResolver resolver) {
        List<EquivalentAddressGroup> out = new ArrayList<>();
        resolver.start(new NameResolver.Listener2() {
            @Override
            public void onResult(NameResolver.ResolutionResult result) {
                out.addAll(result.getAddresses());
            }

            @Override
            public void onError(Status error) {
                throw new AssertionError(error.toString());
            }
        });
        return out;
    }

    private static NameResolver.Args args() {
        return NameResolver.Args.newBuilder().setDefaultPort(9000)
                .setProxyDetector(a -> null)
                .setSynchronizationContext(new io.grpc.SynchronizationContext((t, e) -> { }))
                .setServiceConfigParser(new NameResolver.ServiceConfigParser() {
                    @Override
                    public NameResolver.ConfigOrError parseServiceConfig(java.util.Map<String, ?> raw) {
                        return NameResolver.ConfigOrError.fromConfig(raw);
                    }
                }).build();
    }

    @Test
    void theListInTheSystemPropertyGivesOneAddressGroupPerInstance() {
        System.setProperty("grpc.static-list.registrar-test", "127.0.0.1:9001, 127.0.0.1:9011,[::1]:9021");
        try {
            List<EquivalentAddressGroup> groups = resolve(provider.newNameResolver(
                    URI.create("static-list://registrar-test:9001"), args()));
            assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9001), new InetSocketAddress("127.0.0.1", 9011),
                    new InetSocketAddress("::1", 9021)), groups.stream().map(g -> g.getAddresses().get(0)).toList());
        } finally {
            System.clearProperty("grpc.static-list.registrar-test");
        }
    }

    @Test
    void withoutAListTheTargetItselfIsTheOnlyAddress() {
        List<EquivalentAddressGroup> groups = resolve(provider.newNameResolver(
                URI.create("static-list://127.0.0.1:9002"), args()));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9002)),
                groups.stream().map(g -> g.getAddresses().get(0)).toList());
    }

    @Test
    void otherSchemesAreNotOursAndBadEntriesAreSkipped() {
        assertNull(provider.newNameResolver(URI.create("dns:///registrar:9001"), args()));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 7)),
                StaticListNameResolverProvider.parse("nonsense, 127.0.0.1:0, :5, 127.0.0.1:x, 127.0.0.1:7"));
    }

    @Test
    void theProviderIsFoundThroughTheServiceLoader() {
        assertEquals(StaticListNameResolverProvider.class, NameResolverRegistry.getDefaultRegistry()
                .getProviderForScheme(StaticListNameResolverProvider.SCHEME).getClass());
    }
}
