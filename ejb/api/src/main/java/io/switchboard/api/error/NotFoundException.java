package io.switchboard.api.error;

/** The addressed resource does not exist for the caller (or is in another tenant, which looks the same). */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
