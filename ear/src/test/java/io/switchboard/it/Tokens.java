package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Token headers and hand-made tokens: a real token's claims signed again with a chosen key under a chosen
 * {@code kid}. The test server's key pair is the one the build made in {@code switchboard.test.jwt.dir}.
 */
public final class Tokens {

    private Tokens() {
    }

    static JsonObject header(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The same claims as {@code token}, signed RS256 with {@code key}, the header naming {@code kid}. */
    static String resign(String token, PrivateKey key, String kid) {
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", kid).build()
                .toString();
        String signingInput = base64url(header.getBytes(StandardCharsets.UTF_8)) + "." + token.split("\\.")[1];
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its expiry moved to {@code expiresAt}, signed again with the key under the kid it had. */
    public static String expiringAt(String token, java.time.Instant expiresAt) {
        String[] parts = token.split("\\.");
        JsonObject claims;
        try (var reader = Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8)))) {
            claims = reader.readObject();
        }
        var changed = Json.createObjectBuilder(claims).add("exp", expiresAt.getEpochSecond()).build();
        String rewritten = parts[0] + "." + base64url(changed.toString().getBytes(StandardCharsets.UTF_8)) + ".x";
        return resign(rewritten, testServerSigningKey(), header(token).getString("kid"));
    }

    static PrivateKey testServerSigningKey() {
        String pem = read("private.pem").replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key ids of the test server's verification key set. */
    static Set<String> testServerKeyIds() {
        try (var reader = Json.createReader(new StringReader(read("jwks.json")))) {
            return reader.readObject().getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                    .map(key -> key.getString("kid")).collect(Collectors.toSet());
        }
    }

    /** A key the server has never seen. */
    static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(Path.of(System.getProperty("switchboard.test.jwt.dir", "target/jwt"), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
