package bhr.assistant.kb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one file of any supported format into a validated {@link KnowledgeDocument}. */
public final class DocumentReader {

    /** About 220 words keeps a passage readable as a quote and well under the 300-word ceiling. */
    public static final int PASSAGE_WORDS = 220;

    private final PassageSplitter splitter = new PassageSplitter(PASSAGE_WORDS);

    /**
     * @param origin   name of the file or upload, for reports
     * @param declared metadata given beside the file (sidecar, query parameters); it wins over what the file says
     */
    public KnowledgeDocument read(String origin, byte[] content, DocumentFormat format, Map<String, String> declared,
                                  Instant updated) throws InvalidDocumentException {
        return read(origin, content, format, declared, false, updated);
    }

    /**
     * @param withDefaults for uploads: fill what neither the file nor the declared metadata says with defaults
     *                     (kind "reference", the language detected from the text, the title as source)
     */
    public KnowledgeDocument read(String origin, byte[] content, DocumentFormat format, Map<String, String> declared,
                                  boolean withDefaults, Instant updated) throws InvalidDocumentException {
        if (content.length == 0) {
            throw new InvalidDocumentException("the file is empty");
        }
        ParsedContent parsed = format.parser().parse(content);
        ContentLimits.check(parsed, declared);
        String ownId = parsed.embeddedMetadata().getOrDefault("id", "").strip();
        String declaredId = declared.getOrDefault("id", "").strip();
        if (!ownId.isEmpty() && !declaredId.isEmpty() && !ownId.equals(declaredId)) {
            throw new InvalidDocumentException("the file says id '" + ownId + "' but it is being stored as '" + declaredId + "'");
        }
        Map<String, String> merged = new HashMap<>(parsed.embeddedMetadata());
        declared.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        if (withDefaults) {
            String sample = parsed.sections().stream().limit(20).map(Section::text).reduce("", (a, b) -> a + " " + b);
            merged.putIfAbsent("kind", "reference");
            merged.putIfAbsent("language", LanguageDetector.detect(sample));
            if (merged.containsKey("title")) {
                merged.putIfAbsent("source", merged.get("title"));
            }
        }
        DocumentMetadata metadata = DocumentMetadata.fromMap(merged);
        List<String> problems = new ArrayList<>(metadata.problems());
        DocumentMetadata.compilationProblem(merged).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException("invalid metadata: " + String.join("; ", problems));
        }
        List<String> unknownActors = parsed.sections().stream()
                .flatMap(section -> section.actors().stream())
                .filter(actor -> !Actors.isKnown(actor))
                .distinct()
                .toList();
        if (!unknownActors.isEmpty()) {
            throw new InvalidDocumentException("unknown 'Pihak:' values " + unknownActors + " (known: " + Actors.KNOWN + ")");
        }
        checkSectionLines(parsed);
        List<Source> documentItself = metadata.url().isEmpty() ? List.of()
                : List.of(new Source(metadata.title(), metadata.source(), metadata.published(), metadata.url()));
        List<Passage> passages = splitter.split(metadata.id(), parsed.sections(), section -> section.sourceKeys().isEmpty()
                ? documentItself
                : section.sourceKeys().stream().map(parsed.sources()::get).distinct().toList());
        if (passages.isEmpty()) {
            throw new InvalidDocumentException(format == DocumentFormat.PDF
                    ? "no text found in the PDF (a scanned PDF needs text recognition first)"
                    : "no text found in the document");
        }
        return new KnowledgeDocument(metadata, passages, origin, format, sha256(content), updated);
    }

    /**
     * Every "Sumber:" key must be one the front matter defines, and every "Per:" date must be a real month or day:
     * a citation to a source that is not there, or an as-of date nobody can read, would mislead the reader.
     */
    private static void checkSectionLines(ParsedContent parsed) throws InvalidDocumentException {
        for (Section section : parsed.sections()) {
            for (String key : section.sourceKeys()) {
                if (!parsed.sources().containsKey(key)) {
                    throw new InvalidDocumentException("section '" + section.label() + "' names source '" + key
                            + "' on its 'Sumber:' line, but the front matter's 'sources' does not define it"
                            + (parsed.sources().isEmpty() ? "" : " (defined: " + parsed.sources().keySet() + ")"));
                }
            }
            String asOf = section.asOf();
            if (!asOf.isEmpty() && !(AS_OF.matcher(asOf).matches() && SourceList.isValidDate(asOf))) {
                throw new InvalidDocumentException("section '" + section.label() + "' has 'Per: " + section.asOf()
                        + "': use one date, YYYY-MM or YYYY-MM-DD");
            }
        }
    }

    private static final Pattern AS_OF = Pattern.compile("\\d{4}-\\d{2}(?:-\\d{2})?");

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
