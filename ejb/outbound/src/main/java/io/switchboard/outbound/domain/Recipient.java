package io.switchboard.outbound.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom an agent starts a conversation with (OB2): for SMS a mobile number with its country code, in E.164 (the
 * number plan's own rules, by libphonenumber: a landline cannot take an SMS); for email an address. Refused in words
 * otherwise, never corrected silently.
 */
public record Recipient(Channel channel, String address) {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cntrl}]");
    private static final Set<PhoneNumberType> TEXTABLE = EnumSet.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);

    public static Recipient of(Channel channel, String to) {
        String given = to == null ? "" : to.strip();
        return switch (channel) {
            case SMS -> new Recipient(channel, mobile(given));
            case EMAIL -> new Recipient(channel, email(given));
            default -> throw new InvalidRequestException("outbound-channel-unsupported",
                    "Conversations are started by SMS or email, not " + channel + ".");
        };
    }

    private static String mobile(String given) {
        if (!given.startsWith("+")) {
            throw invalid("An SMS goes to a mobile number with its country code, such as +5511987654321; '" + given
                    + "' has none.");
        }
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        try {
            var number = phones.parse(given, null);
            if (number.hasExtension()) {
                throw invalid("'" + given + "' has an extension; an SMS goes to the mobile number alone.");
            }
            if (!phones.isValidNumber(number)) {
                throw invalid("'" + given + "' is not a valid phone number.");
            }
            if (!TEXTABLE.contains(phones.getNumberType(number))) {
                throw invalid("'" + given + "' is not a mobile number; an SMS cannot reach it.");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid("'" + given + "' is not a phone number: " + e.getMessage());
        }
    }

    /**
     * An address as the mail server will take it: RFC 822 syntax checked strictly by Jakarta Mail (the same check
     * the sender makes), the bare address only (no name, group or list), and no invisible characters that would make
     * a look-alike of another customer's address.
     */
    private static String email(String given) {
        if (given.length() > 200 || !MAILBOX.matcher(given).matches() || INVISIBLE.matcher(given).find()) {
            throw invalid("'" + given + "' is not an email address.");
        }
        try {
            InternetAddress parsed = new InternetAddress(given, true);
            if (parsed.isGroup() || !parsed.getAddress().equals(given)) {
                throw invalid("'" + given + "' is not one email address.");
            }
        } catch (AddressException e) {
            throw invalid("'" + given + "' is not an email address: " + e.getMessage());
        }
        return given.toLowerCase(Locale.ROOT);
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("invalid-recipient", detail);
    }
}
