/**
 * Call-quality arithmetic on RTP and RTCP: sequence-gap loss and interarrival jitter (RFC 3550 §6.4.1, A.1, A.8),
 * receiver-report blocks, and a MOS estimate (simplified ITU-T G.107 E-model). Pure functions and single-threaded
 * accumulators over plain numbers and byte arrays; no sockets, no clocks, no Vert.x or protobuf types.
 */
package io.sipplatform.media.quality;
