package io.switchboard.agentstate.domain;

import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant's Not Ready reason ("Break", "Lunch", "Training"). Deactivated codes stay for history. */
@Entity
@Table(name = "reason_code")
public class ReasonCode {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private boolean active;

    protected ReasonCode() {
    }

    public ReasonCode(UUID tenantId, String code, String label) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidRequestException("invalid-reason-code",
                    "A reason code is 1 to 40 letters, digits, '-' or '_', starting with a letter or digit; got '"
                            + code + "'.");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = code;
        relabel(label);
        this.active = true;
    }

    public void relabel(String newLabel) {
        if (newLabel == null || newLabel.isBlank() || newLabel.length() > 80) {
            throw new InvalidRequestException("invalid-reason-label", "A reason label is 1 to 80 characters.");
        }
        this.label = newLabel.strip();
    }

    public void activate(boolean isActive) {
        this.active = isActive;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return active;
    }
}
