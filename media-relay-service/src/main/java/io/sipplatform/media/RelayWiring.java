package io.sipplatform.media;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.metrics.RelayMetrics;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.PortPool;
import io.sipplatform.media.relay.VertxTimers;
import io.sipplatform.media.session.Sessions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.InstantSource;
import java.util.UUID;

/** Builds the relay from configuration and exposes the drain switch on the management HTTP port. */
@ApplicationScoped
public class RelayWiring {
    private static final Logger LOG = Logger.getLogger(RelayWiring.class);

    @Produces
    @Singleton
    Sessions sessions(Vertx vertx, MediaRelayConfig config, RelayMetrics metrics) {
        InstantSource clock = InstantSource.system();
        PortPool ports = new PortPool(config.portMin(), config.portMax(), config.quarantine(), clock);
        Sessions sessions = new Sessions(vertx, ports, config.bindAddress(), config.advertisedAddress(),
                config.mediaTimeout(), config.holdTimeout(), config.sessionExpiry(), clock, new VertxTimers(vertx),
                metrics);
        metrics.watch(sessions, vertx.isNativeTransportEnabled());
        return sessions;
    }

    // One fan-out for all WatchEvents streams; events are published on the event loop that observed them.
    @Produces
    @Singleton
    EventGroups<MediaEvent> events(Sessions sessions, RelayMetrics metrics) {
        EventGroups<MediaEvent> groups = new EventGroups<>(metrics);
        sessions.subscribe(groups::publish);
        return groups;
    }

    @Produces
    @Singleton
    RelayIdentity identity(MediaRelayConfig config) {
        String random = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        return new RelayIdentity(config.relayId().orElse(random));
    }

    // POST /relay/drain: readiness goes DOWN, new sessions are refused, existing ones run until max-drain.
    void routes(@Observes Router router, Sessions sessions, MediaRelayConfig config) {
        router.post("/relay/drain").handler(ctx -> {
            sessions.drain(config.maxDrain());
            ctx.response().setStatusCode(202).end();
        });
    }

    // The transport decides the packet path's cost; say which one runs, and why epoll is missing.
    void start(@Observes StartupEvent event, Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            LOG.info("RTP sockets use the native epoll transport");
        } else {
            Throwable cause = vertx.unavailableNativeTransportCause();
            LOG.warnf("RTP sockets use the NIO transport: native epoll unavailable (%s)",
                    cause == null ? "quarkus.vertx.prefer-native-transport=false" : cause.toString());
        }
    }

    void stop(@Observes ShutdownEvent event, Sessions sessions) {
        sessions.deleteAll();
    }
}
