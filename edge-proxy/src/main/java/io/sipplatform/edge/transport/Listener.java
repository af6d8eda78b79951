package io.sipplatform.edge.transport;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.atomic.AtomicInteger;

/** A started or startable listener of one transport. */
interface Listener {

    /** Binds; completes with the bound and advertised addresses. */
    Future<BoundListener> start();

    /** Closes the listener and the connections it accepted. */
    Future<Void> stop();

    /** Checks the TLS files now (true: a new certificate was applied); false at once for plain listeners. */
    default Future<Boolean> reloadCertificate() {
        return Future.succeededFuture(false);
    }

    /** Ids for Vert.x shared random ports, away from the small ids other code of the process may use. */
    AtomicInteger SHARED_PORT_IDS = new AtomicInteger(0x5_0600);

    /**
     * Where the instances of a listener bind: port 0 with several instances becomes one shared random port (each
     * plain port-0 server would get its own port).
     */
    static SocketAddress bindAddress(ListenerSettings settings, int instances) {
        if (settings.listenPort() == 0 && instances > 1) {
            return SocketAddress.sharedRandomPort(SHARED_PORT_IDS.incrementAndGet(), settings.listenHost());
        }
        return SocketAddress.inetSocketAddress(settings.listenPort(), settings.listenHost());
    }

    static DeploymentOptions instances(int n) {
        return new DeploymentOptions().setInstances(n);
    }

    static ClientAuth clientAuth(TlsSettings tls) {
        return switch (tls.clientAuth()) {
            case NONE -> ClientAuth.NONE;
            case REQUEST -> ClientAuth.REQUEST;
            case REQUIRED -> ClientAuth.REQUIRED;
        };
    }

    static ListenPoint advertised(ListenerSettings settings, int boundPort) {
        int port = settings.advertisedPort() == 0 ? boundPort : settings.advertisedPort();
        return new ListenPoint(settings.transport(), settings.advertisedHost(), port);
    }
}
