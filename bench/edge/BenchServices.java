// Stand-in routing and registrar services for benchmarking the edge proxy alone with the shared Kamailio SIPp
// scenarios (../../../shared/bench/kamailio, or /work/shared/bench/kamailio): the platform routes DIDs and trunks,
// not "user u000001 calls user u000002", so the same scenarios cannot run against the real routing-service. This
// program answers exactly what the scenarios need, in memory, cheaply, so the CPU measured is the edge's own SIP work:
//   Register: digest auth per RFC 2617/3261 (MD5, qop=auth or none) against one password (like kamailio.cfg's
//             WITH_AUTH), then stores the binding AoR -> Contact and answers it.
//   Decide:   INVITE to a registered AoR -> proxy to its contact (what kamailio.cfg's lookup("location") does);
//             unknown AoR -> 404.
// It is a benchmark harness, not a service: no expiry, no persistence. Runs with the edge's own classpath
// (generated gRPC classes are in the edge-proxy jar):
//   java -cp "edge-proxy/target/quarkus-app/app/*:edge-proxy/target/quarkus-app/lib/main/*" \
//        bench/edge/BenchServices.java <port> <password>
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.sipplatform.proto.common.v1.DigestChallenge;
import io.sipplatform.proto.common.v1.DigestCredentials;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.proto.registrar.v1.RegistrarGrpc;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.FailoverPolicy;
import io.sipplatform.proto.routing.v1.Proxy;
import io.sipplatform.proto.routing.v1.Reject;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.proto.routing.v1.Target;
import io.sipplatform.proto.routing.v1.TargetGroup;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

public class BenchServices {
    static final Map<String, String> LOCATION = new ConcurrentHashMap<>();
    static String password;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        password = args.length > 1 ? args[1] : "benchpass";
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .executor(Executors.newFixedThreadPool(2))
                .addService(new Registrar()).addService(new Routing()).build().start();
        System.out.println("bench services on 127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        server.awaitTermination();
    }

    static String aorOf(String uri) {
        String u = uri.replaceFirst("^sips?:", "");
        int semi = u.indexOf(';');
        u = semi >= 0 ? u.substring(0, semi) : u;
        int at = u.indexOf('@');
        String user = at >= 0 ? u.substring(0, at) : "";
        return user.toLowerCase(Locale.ROOT);
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean valid(DigestCredentials c) {
        String ha1 = md5(c.getUsername() + ":" + c.getRealm() + ":" + password);
        String ha2 = md5(c.getMethod() + ":" + c.getUri());
        String expected = c.getQop().isEmpty() ? md5(ha1 + ":" + c.getNonce() + ":" + ha2)
                : md5(ha1 + ":" + c.getNonce() + ":" + c.getNonceCount() + ":" + c.getCnonce() + ":" + c.getQop()
                + ":" + ha2);
        return expected.equalsIgnoreCase(c.getResponse());
    }

    static final class Registrar extends RegistrarGrpc.RegistrarImplBase {
        @Override
        public void register(RegisterRequest r, StreamObserver<RegisterResponse> out) {
            RegisterResponse.Builder b = RegisterResponse.newBuilder();
            String realm = r.getRequestUri().replaceFirst("^sips?:", "");
            if (r.getAuthorizationCount() == 0 || !valid(r.getAuthorization(0))) {
                b.setOutcome(SipOutcome.newBuilder().setCode(401).setReason("Unauthorized"))
                        .addChallenges(DigestChallenge.newBuilder().setRealm(realm)
                                .setNonce(Long.toHexString(System.nanoTime())).setAlgorithm("MD5").addQop("auth"));
            } else {
                String aor = aorOf(r.getAor());
                if (r.getContactsCount() > 0) {
                    LOCATION.put(aor, r.getContacts(0).getUri());
                }
                b.setOutcome(SipOutcome.newBuilder().setCode(200).setReason("OK"));
                String contact = LOCATION.get(aor);
                if (contact != null) {
                    b.addBindings(Binding.newBuilder().setAor(r.getAor()).setContactUri(contact)
                            .setExpiresIn(com.google.protobuf.Duration.newBuilder().setSeconds(3600)));
                }
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    static final class Routing extends RoutingGrpc.RoutingImplBase {
        @Override
        public void decide(DecideRequest r, StreamObserver<DecideResponse> out) {
            String contact = LOCATION.get(aorOf(r.getRequestUri()));
            DecideResponse.Builder b = DecideResponse.newBuilder().setDecisionId("bench");
            if (contact == null) {
                b.setReject(Reject.newBuilder().setOutcome(SipOutcome.newBuilder().setCode(404)
                        .setReason("Not Found")));
            } else {
                b.setProxy(Proxy.newBuilder().addGroups(TargetGroup.newBuilder()
                        .addTargets(Target.newBuilder().setRequestUri(contact))
                        .setFailover(FailoverPolicy.getDefaultInstance())));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }
}
