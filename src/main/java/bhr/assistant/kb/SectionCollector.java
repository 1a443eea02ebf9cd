package bhr.assistant.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a stream of headings and paragraphs, as every parser reads them, into sections with heading paths.
 * Lines of their own at the start of a section, in any order, describe it and never reach its text: "Pihak:"
 * names its duty bearers (CONTRACT.md); in our own formats (Markdown, text) "Sumber:" names its sources and
 * "Per:" its as-of date (KB-FORMAT.md).
 */
final class SectionCollector {

    private static final Pattern SOURCES_LINE = Pattern.compile("^\\s*Sumber\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AS_OF_LINE = Pattern.compile("^\\s*Per\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private static final int LEVELS = 6;
    /** A line break inside a paragraph that does not start a list item: the source wrapped a long line. */
    private static final Pattern WRAPPED_LINE = Pattern.compile("[ \\t]*\\n[ \\t]*(?!(?:[-*•]|\\d+[.)])\\s)");

    private final String[] headings = new String[LEVELS + 1];
    private final List<Section> sections = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    /**
     * Whether "Sumber:" and "Per:" lines are read. Off for PDF, HTML and DOCX: their text is someone else's, where
     * "Sumber: BPS" under a table is content, and their passages cite the document itself.
     */
    private final boolean sectionSourceLines;
    private List<String> actors = List.of();
    private List<String> sourceKeys = new ArrayList<>();
    private String asOf = "";
    private String locator = "";
    private boolean atSectionStart = true;

    /** For formats whose sections are someone else's text: only "Pihak:" lines are read. */
    SectionCollector() {
        this(false);
    }

    SectionCollector(boolean sectionSourceLines) {
        this.sectionSourceLines = sectionSourceLines;
    }

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
            stripped = takeSectionLines(stripped);
            if (stripped.isEmpty()) {
                return;
            }
        }
        paragraphs.add(WRAPPED_LINE.matcher(stripped).replaceAll(" "));
    }

    /** Reads the section's leading description lines and returns the text after them. */
    private String takeSectionLines(String paragraph) {
        List<String> lines = paragraph.lines().toList();
        int taken = 0;
        for (String line : lines) {
            Optional<List<String>> named = Actors.parseLine(line);
            Matcher sources = SOURCES_LINE.matcher(line);
            Matcher asOfLine = AS_OF_LINE.matcher(line);
            if (named.isPresent()) {
                actors = named.get();
            } else if (sectionSourceLines && sources.matches()) {
                for (String key : sources.group(1).split("[,;]")) {
                    if (!key.isBlank()) {
                        sourceKeys.add(key.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } else if (sectionSourceLines && asOfLine.matches()) {
                // A second "Per:" line joins the first, so the reader refuses the value instead of picking one.
                asOf = asOf.isEmpty() ? asOfLine.group(1).strip() : asOf + ", " + asOfLine.group(1).strip();
            } else {
                break;
            }
            taken++;
        }
        return String.join("\n", lines.subList(taken, lines.size())).strip();
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
            sections.add(new Section(path, locator, String.join("\n\n", paragraphs), actors, sourceKeys, asOf));
        }
        paragraphs.clear();
        actors = List.of();
        sourceKeys = new ArrayList<>();
        asOf = "";
    }
}
