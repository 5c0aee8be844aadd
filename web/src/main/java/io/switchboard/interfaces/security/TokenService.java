package io.switchboard.interfaces.security;

import io.switchboard.api.agentstate.AuthenticatedUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /** The user's credential version when the token was issued; see {@link CallerStandings}. */
    public static final String CREDENTIAL_VERSION_CLAIM = "cv";

    /** A signed token and when it stops being accepted. */
    public record IssuedToken(String token, long expiresInSeconds) {
    }

    @Inject
    JwtKeys keys;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.lifetime-seconds", defaultValue = "900")
    long lifetimeSeconds;

    private JwtConsumer consumer;

    public IssuedToken issue(AuthenticatedUser user) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(user.agentId().toString());
        claims.setClaim("upn", user.login());
        claims.setClaim(TENANT_CLAIM, user.tenantId().toString());
        claims.setClaim("tenant_code", user.tenantCode());
        claims.setClaim("name", user.displayName());
        claims.setClaim(CREDENTIAL_VERSION_CLAIM, user.credentialVersion());
        claims.setStringListClaim("groups", new ArrayList<>(user.roles()));
        return sign(claims);
    }

    /** The platform operator's token: no tenant, one role. */
    public IssuedToken issueOperator(String login) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("operator:" + login);
        claims.setClaim("upn", login);
        claims.setClaim("name", "Platform operator");
        claims.setStringListClaim("groups", List.of(Caller.OPERATOR));
        return sign(claims);
    }

    private IssuedToken sign(JwtClaims claims) {
        claims.setIssuer(issuer);
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
            return Optional.of(caller(claims.getSubject(), claims.getClaimValue(TENANT_CLAIM),
                    claims.getClaimValueAsString("upn"), Set.copyOf(claims.getStringListClaimValue("groups")),
                    claims.getClaimValue(CREDENTIAL_VERSION_CLAIM), claims.getIssuedAt().getValue(),
                    claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException
                 | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The caller of a token MicroProfile JWT verified; IllegalArgumentException for one naming no tenant user. */
    public static Caller caller(JsonWebToken jwt) {
        return caller(jwt.getSubject(), jwt.getClaim(TENANT_CLAIM), jwt.getName(), jwt.getGroups(),
                jwt.getClaim(CREDENTIAL_VERSION_CLAIM), jwt.getIssuedAtTime(), jwt.getExpirationTime());
    }

    /**
     * The caller a verified tenant user's token names; an operator's token, which names no tenant, has no caller
     * here (it reaches only the operator's endpoints, which do not ask for one).
     */
    static Caller caller(String subject, Object tenant, String login, Set<String> groups,
                                Object credentialVersion, long issuedAtEpochSecond, long expiresAtEpochSecond) {
        // jose4j gives a number claim as a Long, MicroProfile JWT as a JSON-P number
        int version;
        if (credentialVersion instanceof Number number) {
            version = number.intValue();
        } else if (credentialVersion instanceof jakarta.json.JsonNumber number) {
            version = number.intValueExact();
        } else {
            throw new IllegalArgumentException("Not a tenant user's token: no credential version");
        }
        if (!(tenant instanceof String tenantId)) {
            throw new IllegalArgumentException("Not a tenant user's token: no tenant");
        }
        return new Caller(UUID.fromString(subject), UUID.fromString(tenantId), login, Set.copyOf(groups),
                version, Instant.ofEpochSecond(issuedAtEpochSecond), Instant.ofEpochSecond(expiresAtEpochSecond));
    }

    private JwtConsumer consumer() {
        if (consumer == null) {
            consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
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
