package bhr.assistant.chat;

/**
 * Which deliveries were already taken. Telegram redelivers a webhook update it thinks was lost (and Meta a
 * WhatsApp message), so a delivery id seen before is a repeat to be dropped, not a new question.
 */
public interface DeliveryLog {

    /**
     * Notes the delivery and tells whether it is new.
     *
     * @param deliveryId channel and id, e.g. "telegram:update:12345"
     * @return true the first time the id is offered within the log's window; false for a repeat
     */
    boolean firstDelivery(String deliveryId);
}
