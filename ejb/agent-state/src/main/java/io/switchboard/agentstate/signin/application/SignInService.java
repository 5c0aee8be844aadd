package io.switchboard.agentstate.signin.application;

import io.switchboard.agentstate.application.PasswordHasher;
import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.agentstate.signin.application.SignInPolicy.Failures;
import io.switchboard.agentstate.signin.application.SignInRecord.Outcome;
import io.switchboard.agentstate.signin.application.SignInResult.Refusal;
import io.switchboard.agentstate.signin.infrastructure.SignInAuditLog;
import io.switchboard.agentstate.signin.infrastructure.SignInThrottles;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every way of proving who you are with a password: tenant users signing in, the platform operator signing in, and a
 * user changing their own password (which checks the current one). Each attempt is throttled per account (its row
 * locked for the attempt, so concurrent attempts on one account by any path and on any node are counted one after
 * the other) and per source address, and written to the audit log. Refusals are returned, not thrown, so they
 * commit.
 */
@Stateless
public class SignInService {

    /** Where a token's holder stands now: tokens of an older credential version, a disabled user or a suspended
     *  tenant no longer work. */
    public record Standing(int credentialVersion, boolean disabled, boolean tenantSuspended) {

        public boolean admits(int tokenCredentialVersion) {
            return !disabled && !tenantSuspended && credentialVersion == tokenCredentialVersion;
        }
    }

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 200;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Agents agents;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInThrottles throttles;

    @Inject
    SignInAuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "switchboard.sign-in.account-delay-after", defaultValue = "3")
    int accountDelayAfter;

    @Inject
    @ConfigProperty(name = "switchboard.sign-in.account-lock-after", defaultValue = "10")
    int accountLockAfter;

    @Inject
    @ConfigProperty(name = "switchboard.sign-in.source-delay-after", defaultValue = "20")
    int sourceDelayAfter;

    @Inject
    @ConfigProperty(name = "switchboard.sign-in.source-lock-after", defaultValue = "100")
    int sourceLockAfter;

    @Inject
    @ConfigProperty(name = "switchboard.sign-in.lockout-minutes", defaultValue = "15")
    int lockoutMinutes;

    @Inject
    @ConfigProperty(name = "switchboard.operator.login", defaultValue = "operator")
    String operatorLogin;

    /** The operator's password; none configured means nobody can sign in as the operator. */
    @Inject
    @ConfigProperty(name = "switchboard.operator.password")
    Optional<String> operatorPassword;

    /** A hash of nothing, verified when the user is unknown so that both failures take the same time. */
    private volatile String decoy;

    /** A tenant user's sign-in. */
    public SignInResult signIn(String tenantCode, String login, char[] password, String source) {
        Optional<Tenant> tenant = tenants.byCode(tenantCode);
        Optional<Agent> agent = tenant.flatMap(t -> agents.byLogin(t.id(), login));
        UUID tenantId = tenant.map(Tenant::id).orElse(null);
        Attempt attempt = new Attempt(accountKey(tenantCode, login), tenantId, login, source);
        Optional<SignInResult> refused = attempt.refusedBeforeChecking();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (agent.isEmpty()) {
            hasher.verify(password, decoyHash());
            return attempt.failed(Outcome.UNKNOWN_USER, Refusal.INVALID_CREDENTIALS);
        }
        Agent user = agent.get();
        if (!hasher.verify(password, user.passwordHash())) {
            return attempt.failed(Outcome.WRONG_PASSWORD, Refusal.INVALID_CREDENTIALS);
        }
        if (user.disabled()) {
            return attempt.refused(Outcome.DISABLED, Refusal.DISABLED);
        }
        if (tenant.get().suspended()) {
            return attempt.refused(Outcome.TENANT_SUSPENDED, Refusal.TENANT_SUSPENDED);
        }
        if (hasher.needsRehash(user.passwordHash())) {
            // locked and read again: routing may have changed the agent's row during the slow check
            em.refresh(user, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            user.rehashPassword(hasher.hash(password));
        }
        attempt.succeeded(Outcome.SIGNED_IN);
        return SignInResult.signedIn(authenticated(user, tenant.get()));
    }

    /** The platform operator's sign-in, with the credentials from configuration. */
    public SignInResult signInOperator(String login, char[] password, String source) {
        Attempt attempt = new Attempt("operator:" + login, null, login, source);
        Optional<SignInResult> refused = attempt.refusedBeforeChecking();
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean right = operatorPassword.filter(Predicate.not(String::isEmpty)).map(configured ->
                MessageDigest.isEqual(digest(operatorLogin + "\n" + configured),
                        digest(login + "\n" + new String(password)))).orElse(false);
        if (!right) {
            return attempt.failed(Outcome.WRONG_PASSWORD, Refusal.INVALID_CREDENTIALS);
        }
        attempt.succeeded(Outcome.SIGNED_IN);
        return SignInResult.signedIn(new AuthenticatedUser(null, null, null, login, "Platform operator",
                Set.of("operator"), 0));
    }

    /**
     * A signed-in user changes their own password; the current one is checked like a sign-in (throttled and
     * audited). On success every token issued before stops working; the caller issues a fresh one for the result.
     */
    public SignInResult changeOwnPassword(UUID tenantId, UUID agentId, char[] current, char[] next, String source) {
        requireAcceptable(next);
        Tenant tenant = tenants.byId(tenantId);
        Agent user = agents.byId(tenantId, agentId);
        Attempt attempt = new Attempt(accountKey(tenant.code(), user.login()), tenantId, user.login(), source);
        Optional<SignInResult> refused = attempt.refusedBeforeChecking();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!hasher.verify(current, user.passwordHash())) {
            return attempt.failed(Outcome.WRONG_PASSWORD, Refusal.WRONG_CURRENT_PASSWORD);
        }
        user.changePassword(hasher.hash(next));
        attempt.succeeded(Outcome.PASSWORD_CHANGED);
        return SignInResult.signedIn(authenticated(user, tenant));
    }

    /** Where the holders of these users' tokens stand now, in one read (users that no longer exist are absent). */
    public java.util.Map<UUID, Standing> standings(java.util.Collection<UUID> agentIds) {
        if (agentIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<?> rows = em.createNativeQuery("select a.id, a.credential_version, a.disabled_at is not null, "
                        + "t.suspended_at is not null from agent a join tenant t on t.id = a.tenant_id "
                        + "where a.id in (:ids)")
                .setParameter("ids", List.copyOf(agentIds)).getResultList();
        java.util.Map<UUID, Standing> standings = new java.util.HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            standings.put((UUID) columns[0], new Standing(((Number) columns[1]).intValue(), (Boolean) columns[2],
                    (Boolean) columns[3]));
        }
        return standings;
    }

    /** The tenant's sign-in audit log, newest first. */
    public List<SignInRecord> auditLog(UUID tenantId, Long beforeId, int limit) {
        return audit.of(tenantId, beforeId, limit);
    }

    /** An admin's reset: the account's failures are forgotten too, so a locked-out user can sign in at once. */
    public void forgetFailures(String tenantCode, String login) {
        throttles.clear(accountKey(tenantCode, login));
    }

    public static void requireAcceptable(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD
                || new String(password).isBlank()) {
            throw new InvalidRequestException("weak-password", "A password has " + MIN_PASSWORD + " to "
                    + MAX_PASSWORD + " characters, not only spaces.");
        }
        if (new String(password).chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid-password", "A password has no control characters.");
        }
    }

    private static String accountKey(String tenantCode, String login) {
        return "account:" + tenantCode + "/" + login;
    }

    /** Who the token is for: the facts of the user as they are now (roles, credential version). */
    static AuthenticatedUser authenticated(Agent user, Tenant tenant) {
        return new AuthenticatedUser(user.id(), tenant.id(), tenant.code(), user.login(), user.displayName(),
                user.roles().stream().map(Role::groupName).collect(Collectors.toCollection(TreeSet::new)),
                user.credentialVersion());
    }

    private String decoyHash() {
        if (decoy == null) {
            decoy = hasher.hash(new char[0]);
        }
        return decoy;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One attempt on one account from one source: its throttling and its audit lines. */
    private final class Attempt {

        private final UUID tenantId;
        private final String login;
        private final String source;
        private final Instant now = clock.instant();
        private final SignInPolicy accountPolicy = new SignInPolicy(accountDelayAfter, accountLockAfter,
                Duration.ofMinutes(lockoutMinutes), Duration.ofMinutes(15));
        private final SignInPolicy sourcePolicy = new SignInPolicy(sourceDelayAfter, sourceLockAfter,
                Duration.ofMinutes(lockoutMinutes), Duration.ofMinutes(15));
        private final Failures account;

        Attempt(String accountKey, UUID tenantId, String login, String source) {
            this.tenantId = tenantId;
            this.login = login;
            this.source = source;
            // held until the attempt commits: the next attempt on this account sees this one's failure
            this.account = throttles.lock(accountKey);
        }

        Optional<SignInResult> refusedBeforeChecking() {
            Failures from = throttles.read(sourceKey());
            Optional<SignInPolicy.Refusal> byAccount = accountPolicy.refusal(account, now);
            Optional<SignInPolicy.Refusal> refusal = byAccount.or(() -> sourcePolicy.refusal(from, now));
            if (refusal.isEmpty()) {
                return Optional.empty();
            }
            boolean locked = refusal.get().locked();
            if (byAccount.isPresent()) {
                countFailure();
            } else {
                // slowed for its address only (an office behind one address): the account itself did nothing wrong
                countSourceFailure();
            }
            audit.record(tenantId, login, source, locked ? Outcome.LOCKED_OUT : Outcome.THROTTLED, now);
            return Optional.of(SignInResult.waitFor(locked ? Refusal.LOCKED : Refusal.THROTTLED,
                    refusal.get().retryAfter()));
        }

        SignInResult failed(Outcome outcome, Refusal refusal) {
            boolean lockedNow = countFailure();
            audit.record(tenantId, login, source, outcome, now);
            if (lockedNow) {
                audit.record(tenantId, login, source, Outcome.LOCKED_OUT, now);
            }
            return SignInResult.refused(refusal);
        }

        SignInResult refused(Outcome outcome, Refusal refusal) {
            audit.record(tenantId, login, source, outcome, now);
            return SignInResult.refused(refusal);
        }

        void succeeded(Outcome outcome) {
            throttles.clear(account.key());
            audit.record(tenantId, login, source, outcome, now);
        }

        /** Counts a failure on the account and the source; whether it locked the account. */
        private boolean countFailure() {
            Failures accountAfter = accountPolicy.afterFailure(account, now);
            throttles.store(accountAfter);
            countSourceFailure();
            return accountPolicy.lockedBy(account, accountAfter, now);
        }

        private void countSourceFailure() {
            Failures from = throttles.lock(sourceKey());
            throttles.store(sourcePolicy.afterFailure(from, now));
        }

        private String sourceKey() {
            return "source:" + source;
        }
    }
}
