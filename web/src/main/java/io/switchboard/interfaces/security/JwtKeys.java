package io.switchboard.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of our tokens, read from the configured locations (a classpath resource, or a file with a
 * {@code file:} prefix). The public key is the same one MicroProfile JWT verifies REST calls with.
 */
@ApplicationScoped
public class JwtKeys {

    private final PrivateKey signingKey;
    private final PublicKey verificationKey;

    @Inject
    public JwtKeys(@ConfigProperty(name = "switchboard.jwt.private-key.location") String privateKeyLocation,
                   @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.signingKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKeyLocation)));
            this.verificationKey = rsa.generatePublic(new X509EncodedKeySpec(pem(publicKeyLocation)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The configured JWT keys are not an RSA key pair in PEM form", e);
        }
    }

    JwtKeys() {
        this.signingKey = null;
        this.verificationKey = null;
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    PublicKey verificationKey() {
        return verificationKey;
    }

    private static byte[] pem(String location) {
        String text = read(location);
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(location.substring("file:".length())));
            }
            try (InputStream in = JwtKeys.class.getClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalStateException("No key at classpath location " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key " + location, e);
        }
    }
}
