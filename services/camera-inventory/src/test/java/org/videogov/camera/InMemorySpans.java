package org.videogov.camera;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This service's spans under test: Quarkus hands every {@code SpanExporter} bean the finished spans
 * (quarkus.otel.traces.exporter=cdi, the default). Only requests that arrive with a sampled
 * traceparent are traced under test (application.properties), so this holds what
 * {@link TraceAcrossServicesTest} traces and nothing of the other tests.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
