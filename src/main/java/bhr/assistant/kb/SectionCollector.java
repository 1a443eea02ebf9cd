package bhr.assistant.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a stream of headings and paragraphs, as every parser reads them, into sections with heading paths.
 * A "Pihak:" line as the first paragraph under a heading names the section's duty bearers (CONTRACT.md).
 */
final class SectionCollector {

    private static final int LEVELS = 6;
    /** A line break inside a paragraph that does not start a list item: the source wrapped a long line. */
    private static final Pattern WRAPPED_LINE = Pattern.compile("[ \\t]*\\n[ \\t]*(?!(?:[-*•]|\\d+[.)])\\s)");

    private final String[] headings = new String[LEVELS + 1];
    private final List<Section> sections = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    private List<String> actors = List.of();
    private String locator = "";
    private boolean atSectionStart = true;

    void heading(int level, String text) {
        flush();
        int clamped = Math.max(1, Math.min(LEVELS, level));
        headings[clamped] = text.strip();
        Arrays.fill(headings, clamped + 1, headings.length, null);
        atSectionStart = true;
    }

    /** Starts a new locator (a PDF page): text after it is a new section under the same headings. */
    void locator(String newLocator) {
        flush();
        locator = newLocator;
    }

    void paragraph(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return;
        }
        if (atSectionStart) {
            atSectionStart = false;
            String firstLine = stripped.lines().findFirst().orElse("");
            Optional<List<String>> named = Actors.parseLine(firstLine);
            if (named.isPresent()) {
                actors = named.get();
                stripped = stripped.substring(firstLine.length()).strip();
                if (stripped.isEmpty()) {
                    return;
                }
            }
        }
        paragraphs.add(WRAPPED_LINE.matcher(stripped).replaceAll(" "));
    }

    List<Section> finish() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (!paragraphs.isEmpty()) {
            List<String> path = new ArrayList<>();
            for (String heading : headings) {
                if (heading != null && !heading.isEmpty()) {
                    path.add(heading);
                }
            }
            sections.add(new Section(path, locator, String.join("\n\n", paragraphs), actors));
        }
        paragraphs.clear();
        actors = List.of();
    }
}
