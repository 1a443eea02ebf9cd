package bhr.assistant.kb;

import java.util.List;

/**
 * A citable unit as the source presents it: the text under one heading (or one PDF page), before splitting.
 *
 * @param headingPath the headings above the text, outermost first (may be empty)
 * @param locator     where in the original it sits when headings do not say it, e.g. "Halaman 3"; empty otherwise
 * @param text        plain text, paragraphs separated by blank lines
 * @param actors      the duty bearers named on the section's "Pihak:" line
 */
public record Section(List<String> headingPath, String locator, String text, List<String> actors) {

    public Section {
        headingPath = List.copyOf(headingPath);
        locator = locator == null ? "" : locator;
        actors = List.copyOf(actors);
    }
}
