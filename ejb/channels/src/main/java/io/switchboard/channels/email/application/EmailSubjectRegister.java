package io.switchboard.channels.email.application;

import io.switchboard.api.channels.EmailSubjects;
import io.switchboard.api.error.ConflictException;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The subjects of each customer's email conversations (OB9), one row per customer and subject key in
 * {@code email_subject}; the primary key decides between two conversations claiming one subject at once.
 */
@Stateless
@LocalBean
@Local(EmailSubjects.class)
public class EmailSubjectRegister implements EmailSubjects {

    /** Reply and forward prefixes in the languages our agents and customers write (en, pt, de, sv/no/da). */
    private static final Pattern PREFIXES = Pattern.compile("^(\\s*(re|res|fw|fwd|enc|aw|wg|sv|vs)\\s*(\\[\\d+\\])?\\s*:)+",
            Pattern.CASE_INSENSITIVE);

    @PersistenceContext
    EntityManager em;

    @Override
    public void claim(UUID tenantId, String customerAddress, String subject, UUID interactionId) {
        String key = key(subject);
        Constraints.run(() -> insert(tenantId, customerAddress, key, interactionId, ""), Map.of("email_subject_pkey",
                () -> new ConflictException("subject-used", "An earlier conversation with " + customerAddress
                        + " had the subject '" + subject.strip() + "'; choose another.")));
    }

    /** A customer's conversation records its subject as it arrives (a repeat changes nothing). */
    public void remember(UUID tenantId, String customerAddress, String subject, UUID interactionId) {
        if (subject != null && !key(subject).isEmpty()) {
            insert(tenantId, customerAddress, key(subject), interactionId, " on conflict do nothing");
        }
    }

    private void insert(UUID tenantId, String customerAddress, String key, UUID interactionId, String onConflict) {
        em.createNativeQuery("insert into email_subject (tenant_id, customer_address, subject_key, interaction_id) "
                        + "values (:t, :c, :k, :i)" + onConflict)
                .setParameter("t", tenantId).setParameter("c", customerAddress.strip().toLowerCase(Locale.ROOT))
                .setParameter("k", key).setParameter("i", interactionId).executeUpdate();
    }

    /** The subject as compared: no reply or forward prefixes, blanks collapsed, lower case. */
    static String key(String subject) {
        String bare = PREFIXES.matcher(subject).replaceFirst("");
        String key = bare.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        return key.length() > 998 ? key.substring(0, 998) : key;
    }
}
