/** The edge's typed configuration ({@code edge.*}), one mapping with documented defaults. */
package io.sipplatform.edge.config;
