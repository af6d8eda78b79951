/**
 * A packaged Quarkus service (quarkus-run.jar) as a child process on 127.0.0.1, for tests and benchmarks that need
 * separate JVMs (clusters of replicas, load against a real server). Test and benchmark scope only.
 */
package io.sipplatform.testkit.process;
