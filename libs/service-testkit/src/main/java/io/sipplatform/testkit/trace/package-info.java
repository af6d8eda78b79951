/**
 * Trace continuation check shared by the gRPC services' tests: a call carrying the edge's W3C traceparent in its
 * gRPC metadata must be served in a server span of the edge's trace. Test scope only; not a runtime dependency.
 */
package io.sipplatform.testkit.trace;
