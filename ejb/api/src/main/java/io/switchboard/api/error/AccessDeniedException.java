package io.switchboard.api.error;

/** The caller is authenticated but may not perform this action on this resource. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String message) {
        super("forbidden", message);
    }

    public AccessDeniedException(String code, String message) {
        super(code, message);
    }
}
