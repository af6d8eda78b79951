/**
 * JMH benchmarks for the SIP message library: {@code SipParseBench} parses one corpus with sip-message, JAIN-SIP RI
 * and pkts-sip and reads the fields a stateless proxy needs; {@code AdversarialParseBench} shows that hostile inputs
 * up to 64 KiB parse in linear time; {@code CpuTimeCheck} cross-checks both by thread CPU time on noisy machines.
 * This package is not part of any service and is never a runtime dependency; it builds the fat jar
 * {@code target/benchmarks.jar}, run by hand as described in docs/benchmarks.md.
 */
package io.sipplatform.bench;
