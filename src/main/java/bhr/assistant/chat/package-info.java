/**
 * State that messaging channels (Telegram now, WhatsApp later) keep between one user message and the next:
 * which deliveries were already taken, each user's question quota, the answers their buttons refer to, and
 * the votes on those answers. Each sits behind a small interface whose default implementation holds it in
 * this process's memory, which is right for one instance; a store shared by several replicas (PostgreSQL)
 * provides the same interfaces and replaces these beans. Nothing here knows a channel's wire format.
 */
package bhr.assistant.chat;
