package bhr.assistant.kb;

import java.util.Map;
import java.util.Optional;

/**
 * How long a metadata value may be. Metadata is shown in every citation and kept with every version, so a
 * runaway value (a whole text pasted into the title, a 4 MB front matter field) is refused with the field named.
 */
public final class MetadataLimits {

    /** Title and source are shown in citations; a url fits any real address; the rest are short codes and dates. */
    static final Map<String, Integer> MAX_CHARACTERS = Map.of("title", 300, "source", 300, "url", 2000);
    static final int MAX_OTHER = 200;
    static final int MAX_FIELDS = 40;

    private MetadataLimits() {
    }

    /** The first value that is too long (or too many fields), as a reason for people; empty when all fit. */
    public static Optional<String> problem(Map<String, String> metadata) {
        if (metadata.size() > MAX_FIELDS) {
            return Optional.of("the metadata has " + metadata.size() + " fields; at most " + MAX_FIELDS + " are accepted");
        }
        for (Map.Entry<String, String> field : metadata.entrySet()) {
            int max = MAX_CHARACTERS.getOrDefault(field.getKey(), MAX_OTHER);
            if (field.getKey().length() > MAX_OTHER) {
                return Optional.of("a metadata field name is longer than " + MAX_OTHER + " characters");
            }
            if (field.getValue() != null && field.getValue().length() > max) {
                return Optional.of("metadata '" + field.getKey() + "' is " + field.getValue().length() + " characters long; at most "
                        + max + " are accepted");
            }
        }
        return Optional.empty();
    }
}
