package io.switchboard.api.error;

/** The request collides with data already stored (a duplicate login, a concurrent change). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
