package io.sipplatform.testkit.trace;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The span exporter of the test app: Quarkus' OpenTelemetry SDK exports to every SpanExporter bean (OTLP is off in
 * tests), so the trace test reads here what the service would have sent to a collector.
 */
@ApplicationScoped
public class InMemorySpans {
    // Unremovable: the SDK looks exporters up programmatically, which ArC cannot see at build time.
    @Produces
    @Singleton
    @Unremovable
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
