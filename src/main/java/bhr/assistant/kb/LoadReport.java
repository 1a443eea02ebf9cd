package bhr.assistant.kb;

import java.util.List;

/** The outcome of reading a directory: the documents that loaded and every file that did not. */
public record LoadReport(List<KnowledgeDocument> documents, List<LoadProblem> problems) {

    public LoadReport {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    public int passageCount() {
        return documents.stream().mapToInt(document -> document.passages().size()).sum();
    }
}
