package bhr.assistant.telegram;

import bhr.assistant.chat.VoteOutcome;
import bhr.assistant.kb.Actors;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;

/** The bot's inline keyboards; each button carries a {@link CallbackData}. */
final class Keyboards {

    private Keyboards() {
    }

    /**
     * Under an answer: its quotes and more results, and 👍/👎.
     *
     * @param votes how the answer's votes stand, to show on the vote buttons; null before any vote */
    static InlineKeyboardMarkup answer(String key, TelegramMessages ui, VoteOutcome votes, boolean group) {
        String helpful = ui.get("button.helpful");
        String notHelpful = ui.get("button.notHelpful");
        if (votes != null && group) {
            helpful = counted(helpful, votes.helpfulVotes(), ui);
            notHelpful = counted(notHelpful, votes.notHelpfulVotes(), ui);
        } else if (votes != null) {
            helpful = votes.helpful() ? ui.get("button.chosen", helpful) : helpful;
            notHelpful = votes.helpful() ? notHelpful : ui.get("button.chosen", notHelpful);
        }
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(
                        button(ui.get("button.quotes"), new CallbackData(CallbackData.QUOTES, key)),
                        button(ui.get("button.more"), new CallbackData(CallbackData.MORE, key))))
                .keyboardRow(new InlineKeyboardRow(
                        button(helpful, new CallbackData(CallbackData.HELPFUL, key)),
                        button(notHelpful, new CallbackData(CallbackData.NOT_HELPFUL, key))))
                .build();
    }

    /** The example questions, one a row: pressing one asks it. */
    static InlineKeyboardMarkup examples(List<String> examples, String language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            rows.add(new InlineKeyboardRow(button(examples.get(i), new CallbackData(CallbackData.EXAMPLE, language + ":" + i))));
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** The duty bearers, two a row, for /kewajiban. */
    static InlineKeyboardMarkup actors(TelegramMessages ui) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (String actor : Actors.KNOWN) {
            row.add(button(ui.get("actor." + actor), new CallbackData(CallbackData.ACTOR, actor)));
            if (row.size() == 2) {
                rows.add(new InlineKeyboardRow(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(new InlineKeyboardRow(row));
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static String counted(String label, int votes, TelegramMessages ui) {
        return votes == 0 ? label : ui.get("button.counted", label, votes);
    }

    static InlineKeyboardMarkup one(String text, CallbackData data) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(button(text, data))).build();
    }

    private static InlineKeyboardButton button(String text, CallbackData data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data.encode()).build();
    }
}
