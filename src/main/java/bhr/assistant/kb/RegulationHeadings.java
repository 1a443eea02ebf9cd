package bhr.assistant.kb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the structure of Indonesian legal texts in plain text (TXT, PDF): BAB, Bagian, Paragraf and Pasal
 * lines become headings, so passages can be cited as "BAB II > Pasal 5".
 */
final class RegulationHeadings {

    private static final Pattern BAB = Pattern.compile("^BAB\\s+[IVXLCDM]+\\b.{0,80}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BAGIAN = Pattern.compile("^Bagian\\s+(Ke\\w+|\\w+)\\b.{0,80}$");
    private static final Pattern PARAGRAF = Pattern.compile("^Paragraf\\s+\\d+\\b.{0,80}$");
    private static final Pattern PASAL = Pattern.compile("^Pasal\\s+\\d+[A-Z]?$");

    private RegulationHeadings() {
    }

    /**
     * Feeds lines to the collector: regulation headings as headings (a BAB's title on the next line joins it),
     * runs of other lines as paragraphs split at blank lines.
     */
    static void collect(List<String> lines, SectionCollector collector) {
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int level = level(line);
            if (level > 0) {
                collector.paragraph(paragraph.toString());
                paragraph.setLength(0);
                String heading = line;
                if (level == 1 && i + 1 < lines.size() && isUpperCaseTitle(lines.get(i + 1).strip())) {
                    heading = line + " " + lines.get(++i).strip();
                }
                collector.heading(level, heading);
            } else if (line.isEmpty()) {
                collector.paragraph(paragraph.toString());
                paragraph.setLength(0);
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
        }
        collector.paragraph(paragraph.toString());
    }

    static int level(String line) {
        if (BAB.matcher(line).matches()) {
            return 1;
        }
        if (BAGIAN.matcher(line).matches()) {
            return 2;
        }
        if (PARAGRAF.matcher(line).matches()) {
            return 3;
        }
        if (PASAL.matcher(line).matches()) {
            return 4;
        }
        return 0;
    }

    private static boolean isUpperCaseTitle(String line) {
        return !line.isEmpty() && line.length() <= 80 && line.equals(line.toUpperCase()) && line.chars().anyMatch(Character::isLetter)
                && level(line) == 0;
    }
}
