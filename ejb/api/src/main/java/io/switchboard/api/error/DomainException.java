package io.switchboard.api.error;

/**
 * Base of every error the domain reports to a caller. The {@link #code()} is stable: the REST layer turns it into the
 * problem {@code type} URI, so clients may switch on it.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
