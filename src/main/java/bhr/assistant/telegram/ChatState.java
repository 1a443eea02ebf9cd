package bhr.assistant.telegram;

import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.VoteBook;

/**
 * What the bot keeps between updates that several replicas would have to share: see {@link bhr.assistant.chat}.
 * The beans behind it are this process's memory unless a shared store replaces them.
 */
record ChatState(DeliveryLog deliveries, QuestionQuota quota, AnswerMemory answers, VoteBook votes) {
}
