package io.switchboard.api.error;

/** A well-formed request whose content the domain cannot accept (unknown reason code, unassigned channel, ...). */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String code, String message) {
        super(code, message);
    }
}
