package bhr.assistant.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The known duty bearers of the "Pihak:" line (CONTRACT.md) and the parsing of that line. */
public final class Actors {

    public static final List<String> KNOWN = List.of(
            "kementerian-lembaga", "pemerintah-daerah", "pelaku-usaha", "umkm", "bumn", "komnas-ham",
            "gugus-tugas", "masyarakat");

    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);
    private static final Pattern LINE = Pattern.compile("^\\s*Pihak\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private Actors() {
    }

    public static boolean isKnown(String actor) {
        return actor != null && KNOWN_SET.contains(actor);
    }

    /** The raw values of a "Pihak:" line, or empty when the line is not one. */
    public static Optional<List<String>> parseLine(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String part : matcher.group(1).split("[,;]")) {
            String value = part.strip().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return Optional.of(values);
    }
}
