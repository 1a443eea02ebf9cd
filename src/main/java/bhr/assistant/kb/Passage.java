package bhr.assistant.kb;

import java.util.List;

/**
 * The unit that is indexed, retrieved and cited.
 *
 * @param id          stable across reindexes: document id, '#', a slug of the section, and '/n' for later parts
 * @param documentId  the document it belongs to
 * @param headingPath headings above it, outermost first
 * @param locator     page or other locator, empty when the heading path says enough
 * @param text        the passage text
 * @param actors      duty bearers of the section ("Pihak:" line)
 * @param sources     where its statements are written, most authoritative first ("Sumber:" line, or the document
 *                    itself when the section names none); empty only when neither gives a source
 * @param asOf        as-of date of its time-sensitive statements ("Per:" line, YYYY-MM or YYYY-MM-DD); "" when none
 * @param ordinal     position in the document, from 0
 */
public record Passage(
        String id,
        String documentId,
        List<String> headingPath,
        String locator,
        String text,
        List<String> actors,
        List<Source> sources,
        String asOf,
        int ordinal) {

    public Passage {
        headingPath = List.copyOf(headingPath);
        actors = List.copyOf(actors);
        sources = List.copyOf(sources);
        asOf = asOf == null ? "" : asOf;
    }

    /** The section path as shown to readers, e.g. "BAB III > Pasal 7 (Halaman 4)". */
    public String sectionLabel() {
        String path = String.join(" > ", headingPath);
        if (locator.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? locator : path + " (" + locator + ")";
    }
}
