package io.switchboard.interfaces.security;

import io.switchboard.api.agentstate.AuthenticatedUser;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token keys: no key, no start (with the remedy in the message); tokens name their signing key, and every key of the
 * set — two during a rotation — is accepted, while a token naming a key outside the set is not.
 */
class JwtKeysTest {

    private static final KeyPair FIRST = rsa();
    private static final KeyPair SECOND = rsa();
    private static final KeyPair OUTSIDER = rsa();

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutASigningKeyAndSaysHowToMakeOne() throws Exception {
        Optional<String> keySet = keySet(new Entry("first", FIRST));
        for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of(" "))) {
            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> new JwtKeys(missing, keySet));
            assertTrue(refusal.getMessage().startsWith("No JWT signing key configured: set "
                    + "SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION"), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("java dev/JwtKeyTool.java init"), refusal.getMessage());
        }
    }

    @Test
    void refusesToStartWithoutVerificationKeys() throws Exception {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> new JwtKeys(privateKey(FIRST), Optional.empty()));
        assertTrue(refusal.getMessage().startsWith("No JWT verification keys configured: set "
                + "MP_JWT_VERIFY_PUBLICKEY_LOCATION"), refusal.getMessage());
    }

    @Test
    void refusesAKeyFileThatIsNotThere() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> new JwtKeys(Optional.of("file:" + dir.resolve("nothing.pem")), keySet(new Entry("a", FIRST))));
        assertTrue(refusal.getMessage().startsWith("Cannot read the JWT signing key at file:"), refusal.getMessage());
    }

    @Test
    void refusesASigningKeyWhosePublicKeyIsNotInTheSet() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> new JwtKeys(privateKey(OUTSIDER),
                        keySet(new Entry("first", FIRST), new Entry("second", SECOND))));
        assertTrue(refusal.getMessage().contains("has no public key"), refusal.getMessage());
    }

    @Test
    void signsWithTheKidItsKeyHasInTheSet() throws Exception {
        TokenService tokens = tokens(FIRST, new Entry("first", FIRST), new Entry("second", SECOND));
        AuthenticatedUser ana = user();

        String token = tokens.issue(ana).token();

        assertEquals("first", kid(token));
        assertEquals(ana.agentId(), tokens.verify(token).orElseThrow().agentId());
    }

    @Test
    void duringARotationTokensSignedByEitherKeyOfTheSetAreAccepted() throws Exception {
        Entry[] both = {new Entry("old", FIRST), new Entry("new", SECOND)};
        TokenService beforeRotation = tokens(FIRST, both);
        TokenService afterRotation = tokens(SECOND, both);

        String oldToken = beforeRotation.issue(user()).token();
        String newToken = afterRotation.issue(user()).token();

        assertEquals("old", kid(oldToken));
        assertEquals("new", kid(newToken));
        assertTrue(afterRotation.verify(oldToken).isPresent(), "a token from before the rotation");
        assertTrue(beforeRotation.verify(newToken).isPresent(), "a node not yet switched accepts the new key");
    }

    @Test
    void refusesATokenWhoseKidIsNotInTheSet() throws Exception {
        TokenService tokens = tokens(FIRST, new Entry("first", FIRST), new Entry("second", SECOND));

        assertTrue(tokens.verify(signed(FIRST, "first")).isPresent(), "the hand-made token is otherwise valid");
        assertTrue(tokens.verify(signed(FIRST, "retired")).isEmpty(), "a good signature under an unknown kid");
        assertTrue(tokens.verify(signed(OUTSIDER, "outsider")).isEmpty(), "a key outside the set");
        assertTrue(tokens.verify(signed(OUTSIDER, "first")).isEmpty(), "a key outside the set, claiming a known kid");
    }

    private record Entry(String kid, KeyPair pair) {
    }

    private TokenService tokens(KeyPair signing, Entry... keySet) throws IOException, JoseException {
        TokenService tokens = new TokenService();
        tokens.keys = new JwtKeys(privateKey(signing), keySet(keySet));
        tokens.issuer = "switchboard";
        tokens.lifetimeSeconds = 600;
        return tokens;
    }

    private Optional<String> privateKey(KeyPair pair) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Optional.of(file("private-" + UUID.randomUUID() + ".pem", pem));
    }

    private Optional<String> keySet(Entry... entries) throws IOException, JoseException {
        List<JsonWebKey> keys = new ArrayList<>();
        for (Entry entry : entries) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) entry.pair().getPublic());
            jwk.setKeyId(entry.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            keys.add(jwk);
        }
        return Optional.of(file("jwks-" + UUID.randomUUID() + ".json", new JsonWebKeySet(keys).toJson()));
    }

    private String file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return "file:" + file;
    }

    /** A token as ours are, signed by hand with any key under any kid. */
    private static String signed(KeyPair pair, String kid) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("switchboard");
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim(TokenService.TENANT_CLAIM, UUID.randomUUID().toString());
        claims.setClaim("upn", "agent01");
        claims.setClaim(TokenService.CREDENTIAL_VERSION_CLAIM, 0);
        claims.setStringListClaim("groups", List.of("agent"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String kid(String token) throws JoseException {
        return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
    }

    private static AuthenticatedUser user() {
        return new AuthenticatedUser(UUID.randomUUID(), UUID.randomUUID(), "demo", "agent01", "Agent 1",
                Set.of("agent"), 0);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
