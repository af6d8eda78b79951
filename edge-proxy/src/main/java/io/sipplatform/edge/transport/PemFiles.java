package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

import java.nio.file.Path;

/**
 * The contents of a certificate, its key and CA certificates, read without blocking. Equal contents compare equal,
 * which is how a reload is detected.
 *
 * @param certificate PEM certificate chain or null
 * @param privateKey  PEM key or null
 * @param trustedCa   PEM CA certificates or null
 */
record PemFiles(Buffer certificate, Buffer privateKey, Buffer trustedCa) {

    static Future<PemFiles> read(FileSystem fs, Path certificate, Path privateKey, Path trustedCa) {
        Future<Buffer> cert = readOrNull(fs, certificate);
        Future<Buffer> key = readOrNull(fs, privateKey);
        Future<Buffer> ca = readOrNull(fs, trustedCa);
        return Future.all(cert, key, ca).map(v -> new PemFiles(cert.result(), key.result(), ca.result()));
    }

    static Future<PemFiles> read(FileSystem fs, TlsSettings tls) {
        return read(fs, tls.certificate(), tls.privateKey(), tls.trustedCa());
    }

    /** The key and certificate; null when this holds none. */
    PemKeyCertOptions keyCert() {
        return certificate == null ? null : new PemKeyCertOptions().setCertValue(certificate).setKeyValue(privateKey);
    }

    /** The CA certificates; null when none are configured. */
    PemTrustOptions trust() {
        return trustedCa == null ? null : new PemTrustOptions().addCertValue(trustedCa);
    }

    private static Future<Buffer> readOrNull(FileSystem fs, Path path) {
        return path == null ? Future.succeededFuture() : fs.readFile(path.toString());
    }
}
