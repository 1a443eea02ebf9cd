package bhr.assistant.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cloud API payloads the bot sends: text, reply buttons, a list, and the read receipt. Each keeps to Meta's
 * limits, cutting with "…" what would break one (a refused message would reach nobody): a text at most 4096
 * characters, an interactive body 1024, at most 3 buttons of 20 characters, at most 10 list rows with titles of 24
 * and descriptions of 72, ids of 256. Lengths are counted in UTF-16 units, never fewer than WhatsApp's characters.
 */
final class GraphMessages {

    static final int MAX_TEXT = 4096;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    static final int MAX_FOOTER = 60;
    static final int MAX_ID = 256;

    /** A reply button, or a list row ({@code description} may be empty). */
    record Choice(String id, String title, String description) {

        Choice(String id, String title) {
            this(id, title, "");
        }
    }

    /**
     * One message for one user.
     *
     * @param to        the user's number (kept in memory until sent, never logged)
     * @param payload   the JSON body of the call
     * @param plainText the same message as plain text: sent instead if Meta refuses an interactive one
     */
    record Outgoing(String to, Map<String, Object> payload, String plainText) {

        boolean interactive() {
            return "interactive".equals(payload.get("type"));
        }

        Outgoing asPlainText() {
            return text(to, plainText);
        }
    }

    private GraphMessages() {
    }

    static Outgoing text(String to, String body) {
        String text = cut(body, MAX_TEXT);
        Map<String, Object> payload = envelope(to, "text");
        payload.put("text", Map.of("preview_url", false, "body", text));
        return new Outgoing(to, payload, text);
    }

    /** Body text with up to three reply buttons under it. */
    static Outgoing buttons(String to, String body, List<Choice> choices) {
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (Choice choice : choices.subList(0, Math.min(MAX_BUTTONS, choices.size()))) {
            buttons.add(Map.of("type", "reply", "reply", Map.of("id", cut(choice.id(), MAX_ID), "title", cut(choice.title(), MAX_BUTTON_TITLE))));
        }
        String text = cut(body, MAX_INTERACTIVE_BODY);
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", "button");
        interactive.put("body", Map.of("text", text));
        interactive.put("action", Map.of("buttons", buttons));
        Map<String, Object> payload = envelope(to, "interactive");
        payload.put("interactive", interactive);
        return new Outgoing(to, payload, text);
    }

    /**
     * Body text with a button that opens a list of up to ten rows, in one section.
     *
     * @param footer a short line under the body; empty for none
     */
    static Outgoing list(String to, String body, String button, String sectionTitle, List<Choice> choices, String footer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder plain = new StringBuilder(cut(body, MAX_INTERACTIVE_BODY));
        for (Choice choice : choices.subList(0, Math.min(MAX_ROWS, choices.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", cut(choice.id(), MAX_ID));
            row.put("title", cut(choice.title(), MAX_ROW_TITLE));
            if (!choice.description().isBlank()) {
                row.put("description", cut(choice.description(), MAX_ROW_DESCRIPTION));
            }
            rows.add(row);
            plain.append("\n- ").append(choice.description().isBlank() ? choice.title() : choice.description());
        }
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", "list");
        interactive.put("body", Map.of("text", cut(body, MAX_INTERACTIVE_BODY)));
        if (!footer.isBlank()) {
            interactive.put("footer", Map.of("text", cut(footer, MAX_FOOTER)));
        }
        interactive.put("action", Map.of("button", cut(button, MAX_BUTTON_TITLE),
                "sections", List.of(Map.of("title", cut(sectionTitle, MAX_ROW_TITLE), "rows", rows))));
        Map<String, Object> payload = envelope(to, "interactive");
        payload.put("interactive", interactive);
        return new Outgoing(to, payload, cut(plain.toString(), MAX_TEXT));
    }

    /** Marks the user's message (and those before it) read: two blue ticks; with a typing indicator while the answer is worked out. */
    static Map<String, Object> read(String messageId, boolean typing) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messaging_product", "whatsapp");
        payload.put("status", "read");
        payload.put("message_id", messageId);
        if (typing) {
            payload.put("typing_indicator", Map.of("type", "text"));
        }
        return payload;
    }

    private static Map<String, Object> envelope(String to, String type) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messaging_product", "whatsapp");
        payload.put("recipient_type", "individual");
        payload.put("to", to);
        payload.put("type", type);
        return payload;
    }

    /** The text, cut to at most {@code max} UTF-16 units with "…" when longer, never inside a surrogate pair. */
    static String cut(String text, int max) {
        String value = text == null ? "" : text;
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end).stripTrailing() + "…";
    }
}
