/**
 * The gRPC boundary: sipplatform.cdr.v1.CdrIngest, and the mapping between protobuf call events and the domain
 * records (also the stored form of events). No CDR rule lives here; this package validates, maps and answers only
 * after the store committed.
 */
package io.sipplatform.cdr.grpc;
