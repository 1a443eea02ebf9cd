package bhr.assistant.kb;

/** A file that was not loaded, and why. */
public record LoadProblem(String file, String reason) {
}
