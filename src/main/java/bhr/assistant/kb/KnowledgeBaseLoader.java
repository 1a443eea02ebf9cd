package bhr.assistant.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads every document in a knowledge-base directory. Markdown and text files carry their metadata in a front
 * matter; a PDF, HTML or DOCX file takes it from a sidecar "&lt;name&gt;.meta.yml" beside it. A file that cannot be
 * read is reported with its reason and the rest still load.
 */
public final class KnowledgeBaseLoader {

    private static final String SIDECAR_SUFFIX = ".meta.yml";

    private final DocumentReader reader = new DocumentReader();

    public LoadReport load(Path directory) {
        List<KnowledgeDocument> documents = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(new LoadProblem(directory.toString(), "knowledge-base directory does not exist or is not a directory"));
            return new LoadReport(documents, problems);
        }
        Map<String, String> seenIds = new HashMap<>();
        for (Path file : files(directory, problems)) {
            String name = directory.relativize(file).toString();
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".") || fileName.endsWith(SIDECAR_SUFFIX) || fileName.toUpperCase(Locale.ROOT).startsWith("README")) {
                continue;
            }
            Optional<DocumentFormat> format = DocumentFormat.fromFileName(fileName);
            if (format.isEmpty()) {
                problems.add(new LoadProblem(name, "unsupported file type (expected .md, .txt, .pdf, .html or .docx)"));
                continue;
            }
            try {
                KnowledgeDocument document = read(file, name, format.get());
                String previous = seenIds.putIfAbsent(document.id(), name);
                if (previous != null) {
                    problems.add(new LoadProblem(name, "duplicate id '" + document.id() + "' (already used by " + previous + ")"));
                } else {
                    documents.add(document);
                }
            } catch (InvalidDocumentException e) {
                problems.add(new LoadProblem(name, e.getMessage()));
            } catch (IOException | UncheckedIOException e) {
                problems.add(new LoadProblem(name, "cannot read file: " + e.getMessage()));
            }
        }
        return new LoadReport(documents, problems);
    }

    private KnowledgeDocument read(Path file, String name, DocumentFormat format) throws IOException, InvalidDocumentException {
        String baseName = baseName(file.getFileName().toString());
        Map<String, String> declared = new HashMap<>();
        boolean selfDescribing = format == DocumentFormat.MARKDOWN || format == DocumentFormat.TEXT;
        if (!selfDescribing) {
            declared.put("id", baseName.toLowerCase(Locale.ROOT));
            Path sidecar = file.resolveSibling(baseName + SIDECAR_SUFFIX);
            if (Files.isRegularFile(sidecar)) {
                FrontMatter.Values values = FrontMatter.read(Files.readString(sidecar));
                if (!values.sources().isEmpty()) {
                    // Only Markdown and text sections have "Sumber:" lines to cite them; a PDF's passages cite the PDF.
                    throw new InvalidDocumentException(sidecar.getFileName() + " defines 'sources', which only Markdown and text files can use");
                }
                declared.putAll(values.metadata());
            }
        }
        KnowledgeDocument document = reader.read(name, Files.readAllBytes(file), format, declared,
                Files.getLastModifiedTime(file).toInstant());
        if (selfDescribing && !document.id().equals(baseName)) {
            throw new InvalidDocumentException("id '" + document.id() + "' does not match the file name (expected "
                    + document.id() + format.extension() + ")");
        }
        return document;
    }

    private static List<Path> files(Path directory, List<LoadProblem> problems) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new LoadProblem(directory.toString(), "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
