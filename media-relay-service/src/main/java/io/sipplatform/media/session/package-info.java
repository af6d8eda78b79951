/**
 * Sessions as the control API sees them: a Call-ID, the offering party and its answerer branches, the SDP rewrite
 * (c=, m=, a=rtcp to the relay, ICE stripped, crypto passed through, codecs filtered) and the allocation of relay
 * endpoints per m= line, and the silence watch of each session (media timeout, hold timeout, the relay's own expiry of
 * sessions nobody deleted). Uses the SDP model of the message library; knows nothing of protobuf or gRPC.
 */
package io.sipplatform.media.session;
