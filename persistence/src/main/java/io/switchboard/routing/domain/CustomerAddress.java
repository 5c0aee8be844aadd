package io.switchboard.routing.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a customer is reached, in the one form used to match them: phone numbers in E.164 (libphonenumber), email
 * addresses in lower case, social handles in lower case.
 */
public record CustomerAddress(Kind kind, String address) {

    public enum Kind { PHONE, EMAIL, SOCIAL }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static CustomerAddress of(Kind kind, String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            throw new InvalidRequestException("invalid-customer-address", "A customer address is 1 to 200 characters.");
        }
        String value = raw.strip();
        return switch (kind) {
            case PHONE -> new CustomerAddress(kind, e164(value));
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw new InvalidRequestException("invalid-customer-address", "'" + value + "' is not an email address.");
                }
                yield new CustomerAddress(kind, lowerCase(value));
            }
            case SOCIAL -> new CustomerAddress(kind, lowerCase(value));
        };
    }

    /** Lower case can be longer than the original ("İ" is two characters): the stored form is what is bounded. */
    private static String lowerCase(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.length() > 200) {
            throw new InvalidRequestException("invalid-customer-address", "A customer address is 1 to 200 characters.");
        }
        return lower;
    }

    /** The customer's address on an inbound channel: phone for calls and SMS, email for email, a handle otherwise. */
    public static CustomerAddress onChannel(Channel channel, String raw) {
        return switch (channel) {
            case VOICE, SMS -> of(Kind.PHONE, raw);
            case EMAIL -> of(Kind.EMAIL, raw);
            case CHAT, WORKITEM -> raw != null && EMAIL.matcher(raw.strip()).matches()
                    ? of(Kind.EMAIL, raw) : of(Kind.SOCIAL, raw);
            case FACEBOOK, TWITTER -> of(Kind.SOCIAL, raw);
        };
    }

    private static String e164(String raw) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        try {
            var number = phones.parse(raw, null);
            if (!phones.isPossibleNumber(number)) {
                throw new InvalidRequestException("invalid-phone-number", "'" + raw + "' is not a possible phone number.");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidRequestException("invalid-phone-number",
                    "'" + raw + "' is not a phone number in international form (+country code): " + e.getMessage());
        }
    }
}
