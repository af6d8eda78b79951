/** Edge protection: per-source rate limits with temporary bans, trusted networks. Not authentication. */
package io.sipplatform.edge.protect;
