package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEventType;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An agent of a tenant and the aggregate root of their state: the per-channel sessions ("My Channels"),
 * Do-Not-Disturb and call forwarding. Every change goes through a named method that either throws a domain error
 * naming the state and the attempted action, or returns the {@link AgentChanges} it made. Each announced event takes
 * the next value of the agent's event sequence, so consumers can order and de-duplicate.
 */
@Entity
@Table(name = "agent")
public class Agent {

    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,15}");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String login;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String extension;

    @Enumerated(EnumType.STRING)
    @Column(name = "licence_tier", nullable = false)
    private LicenceTier licenceTier;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** A column of the agent row, not a table: the hot path locks and reads one row. */
    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "do_not_disturb", nullable = false)
    private boolean doNotDisturb;

    @Column(name = "forwarding_extension")
    private String forwardingExtension;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @OneToMany(mappedBy = "agent", cascade = CascadeType.ALL, orphanRemoval = true)
    @MapKey(name = "channel")
    private Map<Channel, ChannelSession> channels = new HashMap<>();

    /** Set while the user may not sign in (PL5). */
    @Column(name = "disabled_at")
    private Instant disabledAt;

    /** Carried in every token; raised when the password changes or the user is disabled, ending older tokens. */
    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    @Version
    private long version;

    protected Agent() {
    }

    public Agent(UUID tenantId, String login, String displayName, String extension, LicenceTier licenceTier,
                 String passwordHash, Set<Role> roles) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new InvalidRequestException("invalid-login",
                    "A login is 2 to 64 letters, digits, '.', '_', '@' or '-'; got '" + login + "'.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidRequestException("invalid-display-name", "A display name is 1 to 120 characters.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("invalid-roles", "A user needs at least one role.");
        }
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.login = login;
        this.displayName = displayName.strip();
        this.extension = requireExtension(extension);
        this.licenceTier = Objects.requireNonNull(licenceTier, "licenceTier");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.roles = EnumSet.copyOf(roles);
    }

    // --- channel assignment (CH2) ---

    /**
     * Makes exactly these channels the agent's. New ones start logged out; a removed channel must be logged out, so
     * no one loses state or work by an administrator's change.
     */
    public void assignChannels(Set<Channel> assigned, Instant now) {
        for (ChannelSession session : List.copyOf(channels.values())) {
            if (!assigned.contains(session.channel())) {
                if (session.state() != ChannelState.LOGGED_OUT) {
                    throw new IllegalTransitionException("channel-in-use", "Channel " + session.channel() + " is "
                            + session.state() + "; log it off before removing the assignment.");
                }
                channels.remove(session.channel());
            }
        }
        for (Channel channel : assigned) {
            channels.computeIfAbsent(channel, c -> new ChannelSession(this, c, now));
        }
    }

    // --- My Channels (AS1, AS2, AS5, AS6) ---

    /** Logs in to the chosen channels, or, given none, to every assigned channel that is logged out. */
    public AgentChanges login(Set<Channel> chosen, Instant now) {
        AgentChanges changes = new AgentChanges();
        if (chosen.isEmpty()) {
            List<ChannelSession> loggedOut = sessions(Set.of()).stream()
                    .filter(s -> s.state() == ChannelState.LOGGED_OUT).toList();
            if (loggedOut.isEmpty()) {
                throw new IllegalTransitionException("Every assigned channel is already logged in; cannot log in.");
            }
            loggedOut.forEach(s -> record(s.login(now), changes));
        } else {
            sessions(chosen).forEach(s -> record(s.login(now), changes));
        }
        return changes;
    }

    /** Logs off the chosen channels, or, given none, every logged-in channel. */
    public AgentChanges logOff(Set<Channel> chosen, Instant now) {
        AgentChanges changes = new AgentChanges();
        loggedIn(chosen, "log off").forEach(s -> record(s.logOff(now), changes));
        return changes;
    }

    /** Ready on the chosen channels, or, given none, on every logged-in channel that is not Ready yet. */
    public AgentChanges ready(Set<Channel> chosen, Instant now) {
        AgentChanges changes = new AgentChanges();
        List<ChannelSession> targets = chosen.isEmpty()
                ? loggedIn(chosen, "go Ready").stream().filter(s -> s.state() != ChannelState.READY).toList()
                : sessions(chosen);
        if (targets.isEmpty()) {
            throw new IllegalTransitionException("Every logged-in channel is already READY; cannot go Ready.");
        }
        targets.forEach(s -> record(s.ready(now), changes));
        return changes;
    }

    /**
     * Not Ready with an active reason of the tenant, on the chosen channels or, given none, on every logged-in one.
     *
     * @param pendingEnabled the tenant's Pending Not Ready setting
     */
    public AgentChanges notReady(Set<Channel> chosen, ReasonCode reason, boolean pendingEnabled, Instant now) {
        if (reason == null || !reason.active() || !reason.tenantId().equals(tenantId)) {
            throw new InvalidRequestException("unknown-reason-code",
                    "Not Ready needs an active reason code of the tenant.");
        }
        AgentChanges changes = new AgentChanges();
        List<ChannelSession> targets = chosen.isEmpty()
                ? loggedIn(chosen, "go Not Ready").stream().filter(s -> !reason.code().equals(s.reasonCode())).toList()
                : sessions(chosen);
        if (targets.isEmpty()) {
            throw new IllegalTransitionException("Every logged-in channel is already Not Ready (" + reason.code()
                    + "); cannot go Not Ready with the same reason again.");
        }
        targets.forEach(s -> record(s.notReady(reason.code(), pendingEnabled, now), changes));
        return changes;
    }

    // --- operations routing calls (work on a channel, ACW, RONA) ---

    public void workStarted(Channel channel) {
        session(channel).workStarted();
    }

    public AgentChanges workEnded(Channel channel, Instant now) {
        AgentChanges changes = new AgentChanges();
        session(channel).workEnded(now).ifPresent(t -> record(t, changes));
        return changes;
    }

    public AgentChanges beginAfterCallWork(Channel channel, Instant now) {
        AgentChanges changes = new AgentChanges();
        record(session(channel).beginAfterCallWork(now), changes);
        return changes;
    }

    public AgentChanges redirectOnNoAnswer(Channel channel, Instant now) {
        AgentChanges changes = new AgentChanges();
        record(session(channel).redirectOnNoAnswer(now), changes);
        return changes;
    }

    // --- Do-Not-Disturb (AS3) and forwarding (AS4) ---

    /** Switches DND for all channels; switching to the current value changes nothing and announces nothing. */
    public AgentChanges switchDoNotDisturb(boolean on, Instant now) {
        AgentChanges changes = new AgentChanges();
        if (doNotDisturb != on) {
            doNotDisturb = on;
            changes.add(event(AgentEventType.DND_CHANGED, null, now));
        }
        return changes;
    }

    public AgentChanges forwardCallsTo(String target, Instant now) {
        String validated = requireExtension(target);
        if (validated.equals(extension)) {
            throw new InvalidRequestException("forwarding-to-self",
                    "Calls cannot be forwarded to the agent's own extension " + extension + ".");
        }
        return changeForwarding(validated, now);
    }

    public AgentChanges clearForwarding(Instant now) {
        return changeForwarding(null, now);
    }

    private AgentChanges changeForwarding(String target, Instant now) {
        AgentChanges changes = new AgentChanges();
        if (!Objects.equals(forwardingExtension, target)) {
            forwardingExtension = target;
            changes.add(event(AgentEventType.FORWARDING_CHANGED, null, now));
        }
        return changes;
    }

    // --- administration ---

    /** A new password (changed by the user or reset by an admin): every token issued before stops working. */
    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        credentialVersion++;
    }

    /** The same password hashed at today's cost, after a successful sign-in; tokens stay valid. */
    public void rehashPassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    /**
     * The user may no longer sign in, and every token they hold stops working. Every channel still logged in is
     * logged off first, so no work is offered to someone who cannot answer; work in progress refuses that, as it
     * refuses any log-off (it must be finished or transferred first).
     */
    public AgentChanges disable(Instant now) {
        AgentChanges changes = new AgentChanges();
        if (disabledAt != null) {
            return changes;
        }
        if (channels.values().stream().anyMatch(s -> s.state() != ChannelState.LOGGED_OUT)) {
            changes = logOff(Set.of(), now);
        }
        disabledAt = Objects.requireNonNull(now, "now");
        credentialVersion++;
        return changes;
    }

    /**
     * Logs off every logged-in channel without work in progress (a suspended tenant: no work is offered to someone
     * who cannot answer); channels with work stay as they are. Never refuses.
     */
    public AgentChanges logOffIdleChannels(Instant now) {
        AgentChanges changes = new AgentChanges();
        channels.values().stream()
                .filter(session -> session.state() != ChannelState.LOGGED_OUT && session.activeWork() == 0)
                .sorted(Comparator.comparing(ChannelSession::channel))
                .forEach(session -> record(session.logOff(now), changes));
        return changes;
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public int credentialVersion() {
        return credentialVersion;
    }


    // --- internals ---

    private void record(ChannelTransition transition, AgentChanges changes) {
        if (transition.from() != ChannelState.LOGGED_OUT) {
            changes.add(new StateInterval(id, transition));
        }
        changes.add(event(AgentEventType.CHANNEL_STATE_CHANGED, transition, transition.at()));
    }

    private AgentEvent event(AgentEventType type, ChannelTransition transition, Instant at) {
        eventSequence++;
        return new AgentEvent(UUID.randomUUID(), type, tenantId, id, login, eventSequence,
                transition == null ? null : transition.channel(),
                transition == null ? null : transition.from(),
                transition == null ? null : transition.to(),
                transition == null ? null : transition.toReason(),
                doNotDisturb, forwardingExtension, at);
    }

    /** The agent's state on a channel (LOGGED_OUT when they never logged in to it). */
    public ChannelState stateOn(Channel channel) {
        ChannelSession session = channels.get(channel);
        return session == null ? ChannelState.LOGGED_OUT : session.state();
    }

    private ChannelSession session(Channel channel) {
        ChannelSession session = channels.get(channel);
        if (session == null) {
            throw new InvalidRequestException("channel-not-assigned",
                    "Channel " + channel + " is not assigned to this agent.");
        }
        return session;
    }

    /** The chosen sessions in channel order, each checked to be assigned; given none, all of them. */
    private List<ChannelSession> sessions(Set<Channel> chosen) {
        Collection<Channel> wanted = chosen.isEmpty() ? channels.keySet() : chosen;
        return wanted.stream().sorted().map(this::session).toList();
    }

    private List<ChannelSession> loggedIn(Set<Channel> chosen, String action) {
        if (!chosen.isEmpty()) {
            return sessions(chosen);
        }
        List<ChannelSession> loggedIn = sessions(chosen).stream()
                .filter(s -> s.state() != ChannelState.LOGGED_OUT).toList();
        if (loggedIn.isEmpty()) {
            throw new IllegalTransitionException("No channel is logged in; cannot " + action + ".");
        }
        return loggedIn;
    }

    private static String requireExtension(String value) {
        if (value == null || !EXTENSION.matcher(value).matches()) {
            throw new InvalidRequestException("invalid-extension",
                    "An extension is 2 to 15 digits; got '" + value + "'.");
        }
        return value;
    }

    // --- read side ---

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String extension() {
        return extension;
    }

    public LicenceTier licenceTier() {
        return licenceTier;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean doNotDisturb() {
        return doNotDisturb;
    }

    public String forwardingExtension() {
        return forwardingExtension;
    }

    public long eventSequence() {
        return eventSequence;
    }

    /** The assigned channels' sessions in channel order. */
    public List<ChannelSession> channelSessions() {
        return channels.values().stream().sorted(Comparator.comparing(ChannelSession::channel)).toList();
    }

    public Map<Channel, ChannelState> channelStates() {
        Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
        channels.forEach((channel, session) -> states.put(channel, session.state()));
        return states;
    }
}
