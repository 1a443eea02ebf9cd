/**
 * The WhatsApp channel on the WhatsApp Business Platform Cloud API (Meta's Graph API: a webhook in, HTTPS out),
 * beside {@code telegram/} and on the same answer service. On when WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID,
 * WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN are set. The webhook ({@link bhr.assistant.whatsapp.WhatsAppWebhookController})
 * checks signatures and takes each message once; the bot ({@link bhr.assistant.whatsapp.WhatsAppBot}) answers in
 * each user's order; the outbox ({@link bhr.assistant.whatsapp.WhatsAppOutbox}) sends in that order through Meta's
 * rate limits and within the 24-hour customer-service window. State that replicas share (deliveries, quotas, the
 * answers buttons refer to, votes) comes from {@link bhr.assistant.chat}. Phone numbers are never logged or stored:
 * users are known by salted hashes.
 */
package bhr.assistant.whatsapp;
