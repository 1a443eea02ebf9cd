package bhr.assistant.telegram;

import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user wrote, as Telegram parsed it: the text (or a photo's or document's caption) with its entities.
 * Mentions and commands are read from the entities, never by searching the text: "@bhr_bot_old" and
 * "admin@bhr_bot.id" contain "@bhr_bot" but mention someone else or no one.
 */
record MessageText(String raw, List<MessageEntity> entities) {

    /** A command as "/name@target argument"; target is empty when the command names no bot. */
    record Command(String name, String target, String argument) {
    }

    MessageText {
        raw = raw == null ? "" : raw;
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    static MessageText of(Message message) {
        return message.hasText()
                ? new MessageText(message.getText(), message.getEntities())
                : new MessageText(message.getCaption(), message.getCaptionEntities());
    }

    String stripped() {
        return raw.strip();
    }

    /** True when an entity names the bot exactly: "@username" in any case, or a text_mention of its id. */
    boolean mentions(BotIdentity bot) {
        return entities.stream().anyMatch(entity -> isMentionOf(entity, bot));
    }

    /** The text with the bot's mentions cut out, e.g. "@bhr_bot apa itu PRISMA?" → "apa itu PRISMA?". */
    String withoutMentionsOf(BotIdentity bot) {
        List<MessageEntity> cuts = new ArrayList<>(entities.stream().filter(entity -> isMentionOf(entity, bot)).toList());
        cuts.sort(Comparator.comparingInt(MessageEntity::getOffset).reversed());
        StringBuilder text = new StringBuilder(raw);
        for (MessageEntity cut : cuts) {
            text.replace(cut.getOffset(), cut.getOffset() + cut.getLength(), " ");
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * The command the message starts with: its bot_command entity at offset 0, or, for a message without
     * entities, a first word starting with "/".
     */
    Optional<Command> command() {
        String token;
        String rest;
        Optional<MessageEntity> entity = entities.stream()
                .filter(e -> "bot_command".equals(e.getType()) && e.getOffset() != null && e.getOffset() == 0 && spanFits(e)).findFirst();
        if (entity.isPresent()) {
            token = raw.substring(0, entity.get().getLength());
            rest = raw.substring(entity.get().getLength());
        } else if (entities.isEmpty() && stripped().startsWith("/")) {
            String[] parts = stripped().split("\\s+", 2);
            token = parts[0];
            rest = parts.length > 1 ? parts[1] : "";
        } else {
            return Optional.empty();
        }
        String name = token.substring(1);
        int at = name.indexOf('@');
        String target = at >= 0 ? name.substring(at + 1) : "";
        name = at >= 0 ? name.substring(0, at) : name;
        return Optional.of(new Command(name.toLowerCase(Locale.ROOT), target, rest.strip()));
    }

    private boolean isMentionOf(MessageEntity entity, BotIdentity bot) {
        if (!spanFits(entity)) {
            return false;
        }
        if ("mention".equals(entity.getType())) {
            String mention = raw.substring(entity.getOffset(), entity.getOffset() + entity.getLength());
            return bot.known() && mention.equalsIgnoreCase("@" + bot.username());
        }
        return "text_mention".equals(entity.getType()) && entity.getUser() != null && bot.id() != 0 && entity.getUser().getId() == bot.id();
    }

    /** Entities come from outside: one pointing past the text is ignored rather than trusted. */
    private boolean spanFits(MessageEntity entity) {
        return entity.getOffset() != null && entity.getLength() != null && entity.getOffset() >= 0 && entity.getLength() > 0
                && entity.getOffset() + entity.getLength() <= raw.length();
    }
}
