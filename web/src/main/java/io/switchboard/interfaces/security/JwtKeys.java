package io.switchboard.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys of our tokens: the RSA private key we sign with, and the JSON Web Key Set of the public keys we accept
 * tokens from — the very set MicroProfile JWT verifies REST calls with ({@code mp.jwt.verify.publickey.location}),
 * so both paths accept the same tokens. The signing key's id ({@code kid}) is the id its public key has in that set:
 * during a rotation the set holds the old and the new key, tokens carry the new one's id, and tokens signed with
 * either are accepted. No key ships with the application; without both locations the deployment fails
 * ({@link TokenKeysCheck}) with a message saying how to make a pair.
 */
@ApplicationScoped
public class JwtKeys {

    static final String PRIVATE_KEY_LOCATION = "switchboard.jwt.private-key.location";
    static final String VERIFICATION_KEYS_LOCATION = "mp.jwt.verify.publickey.location";

    private static final String HOW_TO = " Make a key pair with `java dev/JwtKeyTool.java init <directory>` from the"
            + " Switchboard sources (dev/run.sh does it on first use), then set"
            + " SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION=file:<directory>/private.pem and"
            + " MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:<directory>/jwks.json (or the system properties "
            + PRIVATE_KEY_LOCATION + " and " + VERIFICATION_KEYS_LOCATION + ").";

    private final RSAPrivateKey signingKey;
    private final String signingKeyId;
    private final List<JsonWebKey> verificationKeys;

    @Inject
    public JwtKeys(@ConfigProperty(name = PRIVATE_KEY_LOCATION) Optional<String> privateKeyLocation,
                   @ConfigProperty(name = VERIFICATION_KEYS_LOCATION) Optional<String> verificationKeysLocation) {
        String privateLocation = privateKeyLocation.filter(location -> !location.isBlank())
                .orElseThrow(() -> new IllegalStateException("No JWT signing key configured: set "
                        + "SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION to the RSA private key (PKCS#8 PEM) tokens are "
                        + "signed with." + HOW_TO));
        String keySetLocation = verificationKeysLocation.filter(location -> !location.isBlank())
                .orElseThrow(() -> new IllegalStateException("No JWT verification keys configured: set "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION to the JSON Web Key Set of the public keys tokens are "
                        + "accepted from." + HOW_TO));
        this.signingKey = privateKey(privateLocation);
        this.verificationKeys = keySet(keySetLocation);
        this.signingKeyId = idOf(signingKey, verificationKeys).orElseThrow(() -> new IllegalStateException(
                "The JWT key set at " + keySetLocation + " has no public key, with a kid, for the signing key at "
                        + privateLocation + ": tokens signed with it would be refused. Add it (java "
                        + "dev/JwtKeyTool.java rotate <directory> makes a new pair and adds it), or point the two "
                        + "settings at the same key directory."));
    }

    JwtKeys() {
        this.signingKey = null;
        this.signingKeyId = null;
        this.verificationKeys = List.of();
    }

    RSAPrivateKey signingKey() {
        return signingKey;
    }

    /** The {@code kid} header of the tokens we sign. */
    String signingKeyId() {
        return signingKeyId;
    }

    /** Picks the public key a token names by its {@code kid}; a token naming no key of the set is refused. */
    VerificationKeyResolver verificationKeyResolver() {
        return new JwksVerificationKeyResolver(verificationKeys);
    }

    private static Optional<String> idOf(RSAPrivateKey key, List<JsonWebKey> keySet) {
        return keySet.stream()
                .filter(jwk -> jwk instanceof RsaJsonWebKey rsa
                        && rsa.getRsaPublicKey().getModulus().equals(key.getModulus()))
                .map(JsonWebKey::getKeyId)
                .filter(kid -> kid != null && !kid.isBlank())
                .findFirst();
    }

    private static RSAPrivateKey privateKey(String location) {
        String base64 = read(location, "signing key").replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The JWT signing key at " + location + " is not an RSA private key in "
                    + "PKCS#8 PEM form (-----BEGIN PRIVATE KEY-----; convert a PKCS#1 key with "
                    + "`openssl pkcs8 -topk8 -nocrypt`)." + HOW_TO, e);
        }
    }

    private static List<JsonWebKey> keySet(String location) {
        List<JsonWebKey> keys;
        try {
            keys = new JsonWebKeySet(read(location, "verification key set")).getJsonWebKeys();
        } catch (JoseException e) {
            throw new IllegalStateException("The JWT verification keys at " + location + " are not a JSON Web Key "
                    + "Set ({\"keys\":[{\"kty\":\"RSA\",\"kid\":...,\"n\":...,\"e\":...}]})." + HOW_TO, e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("The JWT verification key set at " + location + " has no key." + HOW_TO);
        }
        return List.copyOf(keys);
    }

    /** A file ({@code file:} prefix, or a plain path that exists) or a class path resource, as SmallRye JWT reads. */
    private static String read(String location, String what) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(location.substring("file:".length())), StandardCharsets.UTF_8);
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length())
                    : location;
            if (!location.startsWith("classpath:") && Files.isRegularFile(Path.of(resource))) {
                return Files.readString(Path.of(resource), StandardCharsets.UTF_8);
            }
            try (InputStream in = JwtKeys.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no such file or class path resource");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the JWT " + what + " at " + location + " (" + e + ")."
                    + HOW_TO, e);
        }
    }
}
