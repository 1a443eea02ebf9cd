package bhr.assistant.store;

/**
 * How much room the service's own data takes, for /admin/status.
 *
 * @param bytesUsed      everything the store keeps (for the file store: all of DATA_DIR, index files included)
 * @param originalsBytes the stored originals of every version
 * @param bytesFree      room left where the store writes; -1 when unknown
 */
public record StorageUse(long bytesUsed, long originalsBytes, long bytesFree) {
}
