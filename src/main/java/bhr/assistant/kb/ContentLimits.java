package bhr.assistant.kb;

import java.util.Map;
import java.util.Optional;

/**
 * Bounds on what one document may bring in, checked as soon as it is parsed. Every word of the knowledge base is
 * indexed and held in memory per index version, so a document is capped at {@link #MAX_TEXT_CHARACTERS} of text
 * (about a thousand pages), and its metadata at {@link MetadataLimits}.
 */
final class ContentLimits {

    static final int MAX_TEXT_CHARACTERS = 2_000_000;

    private ContentLimits() {
    }

    static void check(ParsedContent parsed, Map<String, String> declared) throws InvalidDocumentException {
        Optional<String> metadata = MetadataLimits.problem(parsed.embeddedMetadata()).or(() -> MetadataLimits.problem(declared));
        if (metadata.isPresent()) {
            throw new InvalidDocumentException("invalid metadata: " + metadata.get());
        }
        long characters = parsed.sections().stream().mapToLong(section -> section.text().length()).sum();
        if (characters > MAX_TEXT_CHARACTERS) {
            throw tooMuchText(characters);
        }
    }

    static InvalidDocumentException tooMuchText(long characters) {
        return new InvalidDocumentException("the document holds " + (characters > MAX_TEXT_CHARACTERS * 2L ? "more than " + MAX_TEXT_CHARACTERS * 2L : characters)
                + " characters of text; at most " + MAX_TEXT_CHARACTERS + " (about a thousand pages) are accepted: split it into several documents");
    }
}
