/**
 * Small pieces the services' REST APIs share, JDK only (the bearer-token check). Not a framework: no Quarkus, no
 * JAX-RS types; each service keeps its own filter and error body.
 */
package io.sipplatform.service;
