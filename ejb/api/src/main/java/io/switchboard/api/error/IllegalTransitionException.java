package io.switchboard.api.error;

/** A state change the current state does not allow; the message names the state and the attempted action. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String message) {
        super("illegal-transition", message);
    }

    public IllegalTransitionException(String code, String message) {
        super(code, message);
    }
}
