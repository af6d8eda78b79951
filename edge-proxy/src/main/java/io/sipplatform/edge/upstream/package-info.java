/**
 * The edge's gRPC side: clients of registrar, routing, media relay and CDR services (async stubs with deadlines)
 * and the single table mapping their failures to SIP answers. Not SIP processing itself.
 */
package io.sipplatform.edge.upstream;
