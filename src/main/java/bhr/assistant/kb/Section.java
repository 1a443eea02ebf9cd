package bhr.assistant.kb;

import java.util.List;

/**
 * A citable unit as the source presents it: the text under one heading (or one PDF page), before splitting.
 *
 * @param headingPath the headings above the text, outermost first (may be empty)
 * @param locator     where in the original it sits when headings do not say it, e.g. "Halaman 3"; empty otherwise
 * @param text        plain text, paragraphs separated by blank lines
 * @param actors      the duty bearers named on the section's "Pihak:" line
 * @param sourceKeys  the front-matter source keys named on its "Sumber:" line, as written (checked by the reader)
 * @param asOf        the as-of date on its "Per:" line, as written; empty when it has none
 */
public record Section(List<String> headingPath, String locator, String text, List<String> actors,
                      List<String> sourceKeys, String asOf) {

    public Section {
        headingPath = List.copyOf(headingPath);
        locator = locator == null ? "" : locator;
        actors = List.copyOf(actors);
        sourceKeys = List.copyOf(sourceKeys);
        asOf = asOf == null ? "" : asOf.strip();
    }

    /** A section without "Sumber:" or "Per:" lines. */
    public Section(List<String> headingPath, String locator, String text, List<String> actors) {
        this(headingPath, locator, text, actors, List.of(), "");
    }

    /** "BAB II > Pasal 7", or the locator, for problem reports. */
    String label() {
        String path = String.join(" > ", headingPath);
        return path.isEmpty() ? locator : path;
    }
}
