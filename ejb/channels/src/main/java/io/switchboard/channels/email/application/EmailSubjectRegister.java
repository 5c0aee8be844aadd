package io.switchboard.channels.email.application;

import io.switchboard.api.channels.EmailSubjects;
import io.switchboard.api.error.ConflictException;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.text.Normalizer;
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
    private static final Pattern PREFIXES = Pattern.compile(
            "^(\\s*(re|res|fw|fwd|enc|aw|wg|sv|vs)\\s*(\\[\\d+\\])?\\s*:)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    @PersistenceContext
    EntityManager em;

    @Override
    public void claim(UUID tenantId, String customerAddress, String subject, UUID interactionId) {
        String key = key(subject);
        if (key.isEmpty()) {
            throw new io.switchboard.api.error.InvalidRequestException("subject-required", "'" + subject.strip()
                    + "' is only a reply or forward prefix; an email conversation needs a subject of its own.");
        }
        Constraints.run(() -> insert(tenantId, customerAddress, subject, interactionId, ""), Map.of("email_subject_pkey",
                () -> new ConflictException("subject-used", "An earlier conversation with " + customerAddress
                        + " had the subject '" + subject.strip() + "'; choose another.")));
    }

    /** A customer's conversation records its subject as it arrives (a repeat changes nothing). */
    public void remember(UUID tenantId, String customerAddress, String subject, UUID interactionId) {
        if (subject != null && !key(subject).isEmpty()) {
            insert(tenantId, customerAddress, subject, interactionId, " on conflict do nothing");
        }
    }

    private void insert(UUID tenantId, String customerAddress, String subject, UUID interactionId,
                        String onConflict) {
        String kept = subject.strip();
        em.createNativeQuery("insert into email_subject (tenant_id, customer_address, subject_key, subject, "
                        + "interaction_id) values (:t, :c, :k, :s, :i)" + onConflict)
                .setParameter("t", tenantId).setParameter("c", customerAddress.strip().toLowerCase(Locale.ROOT))
                .setParameter("k", digest(key(subject)))
                .setParameter("s", kept.length() > 998 ? kept.substring(0, 998) : kept)
                .setParameter("i", interactionId).executeUpdate();
    }

    /**
     * The subject as compared: compatibility-normalised (NFKC: full-width letters and colons are the plain ones),
     * without invisible format characters, reply or forward prefixes, or extra blanks of any script, lower case.
     */
    static String key(String subject) {
        String plain = Normalizer.normalize(subject, Normalizer.Form.NFKC).replaceAll("\\p{Cf}+", "");
        String bare = PREFIXES.matcher(plain).replaceFirst("");
        return bare.replaceAll("(?U)\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String digest(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
