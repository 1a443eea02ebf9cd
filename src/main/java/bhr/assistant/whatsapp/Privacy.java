package bhr.assistant.whatsapp;

import java.util.regex.Pattern;

/** Phone numbers are personal data: what the channel logs never holds one. */
final class Privacy {

    /** Seven digits or more, single spaces, dots or hyphens allowed between them; Graph error codes have six at most. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[ .\\-]?\\d){6,}");

    private Privacy() {
    }

    /** The text with anything that looks like a phone number replaced by "[number]": for Graph API errors, which may name the recipient. */
    static String withoutNumbers(String text) {
        return text == null ? "" : NUMBER.matcher(text).replaceAll("[number]");
    }
}
