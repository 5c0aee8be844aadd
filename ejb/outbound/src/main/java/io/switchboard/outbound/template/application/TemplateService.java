package io.switchboard.outbound.template.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.agentstate.TenantSettingsView;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.CustomerDirectory;
import io.switchboard.outbound.domain.MessageTemplate;
import io.switchboard.outbound.domain.Recipient;
import io.switchboard.outbound.domain.TemplateText;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The tenant's message templates (OB7): written by administrators, filled for agents. */
@Stateless
public class TemplateService {

    /** A template as administrators and agents see it, with the placeholders it uses. */
    public record TemplateView(UUID templateId, Channel channel, String name, String subject, String body,
                               Set<String> placeholders) {
    }

    /** A template filled for one customer: what goes in the composer (and, for email, the subject field). */
    public record Filled(UUID templateId, Channel channel, String subject, String text) {
    }

    /** What an administrator writes. */
    public record Wording(Channel channel, String name, String subject, String body) {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @EJB
    AgentDirectory agents;

    @EJB
    CustomerDirectory customers;

    /** The tenant's templates (of one channel, or all when {@code channel} is null), by channel then name. */
    public List<TemplateView> list(UUID tenantId, Channel channel) {
        return em.createQuery("select t from MessageTemplate t where t.tenantId = :tenant"
                        + " order by t.channel, lower(t.name)", MessageTemplate.class)
                .setParameter("tenant", tenantId)
                .getResultList().stream()
                .filter(template -> channel == null || template.channel() == channel)
                .map(TemplateService::view).toList();
    }

    public TemplateView create(UUID tenantId, Wording wording) {
        Checked checked = check(wording.channel(), wording);
        MessageTemplate template = new MessageTemplate(tenantId, wording.channel(), checked.name(),
                checked.subject(), wording.body());
        em.persist(template);
        flush(wording);
        return view(template);
    }

    public TemplateView rewrite(UUID tenantId, UUID templateId, Wording wording) {
        MessageTemplate template = find(tenantId, templateId);
        if (wording.channel() != null && wording.channel() != template.channel()) {
            throw new InvalidRequestException("template-channel-fixed", "Template " + templateId + " is for "
                    + template.channel() + "; write a new template for " + wording.channel() + ".");
        }
        Checked checked = check(template.channel(), wording);
        template.rewrite(checked.name(), checked.subject(), wording.body());
        flush(wording);
        return view(template);
    }

    public void delete(UUID tenantId, UUID templateId) {
        em.remove(find(tenantId, templateId));
    }

    /**
     * The template filled for a conversation with {@code to} by this agent: the customer's name (when recorded) and
     * address, the agent's name, the company's. Refused, naming each, when a placeholder it uses has no value.
     */
    public Filled fill(UUID tenantId, UUID agentId, UUID templateId, String to) {
        MessageTemplate template = find(tenantId, templateId);
        Recipient recipient = Recipient.of(template.channel(), to);
        Map<String, String> values = new HashMap<>();
        values.put("customer.address", recipient.address());
        customers.nameAt(tenantId, template.channel(), recipient.address()).ifPresent(name -> {
            values.put("customer.name", name);
            values.put("customer.firstName", firstWord(name));
        });
        agents.colleague(tenantId, agentId).map(Colleague::displayName).ifPresent(name -> {
            values.put("agent.name", name);
            values.put("agent.firstName", firstWord(name));
        });
        agents.tenant(tenantId).map(TenantSettingsView::name).ifPresent(name -> values.put("company.name", name));
        TemplateText body = TemplateText.parse("body", template.body());
        TemplateText subject = template.subject() == null ? null : TemplateText.parse("subject", template.subject());
        // one refusal naming every missing value, of the subject and the body together
        TemplateText.requireValues(placeholders(body, subject), values);
        return new Filled(template.id(), template.channel(), subject == null ? null : subject.fill(values).strip(),
                body.fill(values));
    }

    private record Checked(String name, String subject) {
    }

    private static Checked check(Channel channel, Wording wording) {
        if (channel != Channel.SMS && channel != Channel.EMAIL) {
            throw new InvalidRequestException("template-channel-unsupported", "Templates are for SMS and email"
                    + (channel == null ? "; name the channel." : ", not " + channel + "."));
        }
        String name = wording.name() == null ? "" : wording.name().strip();
        if (name.isEmpty() || name.length() > MessageTemplate.MAX_NAME || hasControl(name)) {
            throw new InvalidRequestException("template-invalid", "A template's name has 1 to "
                    + MessageTemplate.MAX_NAME + " characters on one line.");
        }
        String body = wording.body();
        if (body == null || body.isBlank() || body.length() > MessageTemplate.MAX_BODY) {
            throw new InvalidRequestException("template-invalid", "A template's body has 1 to "
                    + MessageTemplate.MAX_BODY + " characters.");
        }
        if (body.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidRequestException("template-invalid", "A template's body has no control characters "
                    + "other than line breaks and tabs.");
        }
        TemplateText.parse("body", body);
        String subject = wording.subject();
        if (channel == Channel.SMS && subject != null) {
            throw new InvalidRequestException("template-invalid", "An SMS has no subject; leave it out.");
        }
        if (subject != null) {
            subject = subject.strip();
            if (subject.isEmpty() || subject.length() > MessageTemplate.MAX_SUBJECT || hasControl(subject)) {
                throw new InvalidRequestException("template-invalid", "An email template's subject has 1 to "
                        + MessageTemplate.MAX_SUBJECT + " characters on one line (or is left out).");
            }
            TemplateText.parse("subject", subject);
        }
        return new Checked(name, subject);
    }

    private void flush(Wording wording) {
        Constraints.flush(em, Map.of("message_template_name", () -> new ConflictException("template-name-taken",
                "The tenant already has a template named '" + wording.name().strip() + "' for this channel.")));
    }

    private MessageTemplate find(UUID tenantId, UUID templateId) {
        MessageTemplate template = em.find(MessageTemplate.class, templateId);
        if (template == null || !template.tenantId().equals(tenantId)) {
            throw new NotFoundException("template-not-found", "No template " + templateId + ".");
        }
        return template;
    }

    private static TemplateView view(MessageTemplate template) {
        return new TemplateView(template.id(), template.channel(), template.name(), template.subject(),
                template.body(), placeholders(TemplateText.parse("body", template.body()), template.subject() == null
                        ? null : TemplateText.parse("subject", template.subject())));
    }

    /** The placeholders of the body and the subject (null: none), body first. */
    private static Set<String> placeholders(TemplateText body, TemplateText subject) {
        Set<String> used = new LinkedHashSet<>(body.placeholders());
        if (subject != null) {
            used.addAll(subject.placeholders());
        }
        return used;
    }

    private static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    private static String firstWord(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
