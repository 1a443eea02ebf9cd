package bhr.assistant.telegram;

import org.telegram.telegrambots.meta.api.objects.User;

/** Who the bot is on Telegram (from getMe): its username, to notice mentions in groups, and its id, for replies. */
final class BotIdentity {

    private volatile String username = "";
    private volatile long id;

    void set(User me) {
        this.username = me.getUserName() == null ? "" : me.getUserName();
        this.id = me.getId() == null ? 0 : me.getId();
    }

    String username() {
        return username;
    }

    long id() {
        return id;
    }

    boolean known() {
        return !username.isEmpty();
    }
}
