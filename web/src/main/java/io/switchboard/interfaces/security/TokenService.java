package io.switchboard.interfaces.security;

import io.switchboard.api.agentstate.AuthenticatedUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues the MicroProfile JWT bearer tokens our login endpoint hands out (RS256; {@code kid} the signing key's id,
 * {@code sub} the user id, {@code groups} the roles, {@code tenant} the tenant id), and verifies them where the MP-JWT
 * mechanism does not run: the WebSocket handshake, whose browser API cannot send an Authorization header. Both
 * verify against the same key set ({@link JwtKeys}), choosing the key by the token's {@code kid}.
 */
@ApplicationScoped
public class TokenService {

    public static final String TENANT_CLAIM = "tenant";

    /** A signed token and when it stops being accepted. */
    public record IssuedToken(String token, long expiresInSeconds) {
    }

    @Inject
    JwtKeys keys;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.lifetime-seconds", defaultValue = "28800")
    long lifetimeSeconds;

    private JwtConsumer consumer;

    public IssuedToken issue(AuthenticatedUser user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user.agentId().toString());
        claims.setClaim("upn", user.login());
        claims.setClaim(TENANT_CLAIM, user.tenantId().toString());
        claims.setClaim("tenant_code", user.tenantCode());
        claims.setClaim("name", user.displayName());
        claims.setStringListClaim("groups", new ArrayList<>(user.roles()));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.signingKey());
        jws.setKeyIdHeaderValue(keys.signingKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new IssuedToken(jws.getCompactSerialization(), lifetimeSeconds);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The caller a valid token names, or empty for a missing, forged or expired one. */
    public Optional<Caller> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer().processToClaims(token);
            return Optional.of(new Caller(UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaimValue(TENANT_CLAIM)),
                    claims.getClaimValueAsString("upn"),
                    java.util.Set.copyOf(claims.getStringListClaimValue("groups"))));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private JwtConsumer consumer() {
        if (consumer == null) {
            consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setExpectedIssuer(issuer)
                    .setVerificationKeyResolver(keys.verificationKeyResolver())
                    .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .build();
        }
        return consumer;
    }
}
