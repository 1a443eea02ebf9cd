package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a DATA_DIR written before versions were numbered into today's {@link Manifest}: its manifest held one
 * entry per uploaded id plus the ids of hidden bundled documents, and each stored original's metadata sat beside
 * it in "&lt;hash&gt;.json" (overwritten when the same bytes came again). Every original found becomes a version,
 * in upload order; a bundled document named in the history becomes version 1.
 */
final class LegacyDataDirectory {

    @Serdeable
    record StoredDocument(String id, String hash, String contentType, Map<String, String> declared, Instant updated,
                          String updatedBy) {
    }

    @Serdeable
    record OldManifest(long revision, Map<String, StoredDocument> documents, Set<String> hidden) {
    }

    private LegacyDataDirectory() {
    }

    static boolean isLegacy(JsonNode manifest) {
        return manifest.get("hidden") != null;
    }

    static Manifest convert(byte[] manifestJson, Path root, JsonMapper json, List<AuditEntry> history) throws IOException {
        OldManifest old = json.readValue(manifestJson, OldManifest.class);
        Map<String, StoredDocument> current = old.documents() == null ? Map.of() : old.documents();
        Set<String> hidden = old.hidden() == null ? Set.of() : old.hidden();
        Set<String> ids = new HashSet<>(current.keySet());
        ids.addAll(hidden);
        ids.addAll(storedIds(root));
        Map<String, DocumentEntry> documents = new HashMap<>();
        for (String id : ids) {
            List<AuditEntry> own = history.stream().filter(entry -> entry.documentId().equals(id)).toList();
            List<DocumentVersion> versions = new ArrayList<>();
            own.stream().filter(entry -> entry.oldHash().startsWith("bundled:")).findFirst().ifPresent(entry ->
                    versions.add(new DocumentVersion(1, entry.oldHash().substring("bundled:".length()), "", Map.of(), true, entry.at(), "kb-dir")));
            for (StoredDocument stored : storedVersions(root, id, json)) {
                versions.add(version(versions.size() + 1, stored));
            }
            StoredDocument served = current.get(id);
            int currentNumber;
            boolean deleted;
            if (served != null) {
                currentNumber = lastMatching(versions, served.hash(), served.declared()).orElseGet(() -> {
                    versions.add(version(versions.size() + 1, served));
                    return versions.size();
                });
                deleted = false;
            } else {
                deleted = true;
                Optional<String> deletedHash = own.stream().filter(entry -> entry.action().equals("delete"))
                        .reduce((first, second) -> second).map(AuditEntry::oldHash).map(hash -> hash.replace("bundled:", ""));
                if (versions.isEmpty()) {
                    versions.add(new DocumentVersion(1, deletedHash.orElse(""), "", Map.of(), true,
                            Instant.EPOCH, "kb-dir"));
                }
                currentNumber = deletedHash.flatMap(hash -> lastMatching(versions, hash, null)).orElse(versions.size());
            }
            documents.put(id, new DocumentEntry(versions, currentNumber, deleted));
        }
        return new Manifest(old.revision(), documents);
    }

    private static DocumentVersion version(int number, StoredDocument stored) {
        return new DocumentVersion(number, stored.hash(), stored.contentType(), stored.declared() == null ? Map.of() : stored.declared(),
                false, stored.updated() == null ? Instant.EPOCH : stored.updated(), stored.updatedBy() == null ? "" : stored.updatedBy());
    }

    private static Optional<Integer> lastMatching(List<DocumentVersion> versions, String hash, Map<String, String> declared) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            DocumentVersion version = versions.get(i);
            if (version.hash().equals(hash) && (declared == null || version.metadata().equals(declared))) {
                return Optional.of(version.number());
            }
        }
        return Optional.empty();
    }

    private static List<String> storedIds(Path root) throws IOException {
        Path documents = root.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return List.of();
        }
        try (Stream<Path> ids = Files.list(documents)) {
            return ids.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList();
        }
    }

    /** The originals stored for an id that still have their metadata file, oldest first. */
    private static List<StoredDocument> storedVersions(Path root, String id, JsonMapper json) throws IOException {
        Path directory = root.resolve("documents").resolve(id);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoredDocument> stored = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("[0-9a-f]{64}\\.json")).toList()) {
                try {
                    StoredDocument document = json.readValue(Files.readAllBytes(file), StoredDocument.class);
                    if (Files.isRegularFile(directory.resolve(document.hash()))) {
                        stored.add(document);
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged metadata file: its original cannot be described, so it is not offered as a version
                }
            }
        }
        stored.sort(Comparator.comparing(document -> document.updated() == null ? Instant.EPOCH : document.updated()));
        return stored;
    }
}
