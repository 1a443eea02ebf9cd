package bhr.assistant.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question as the reader weighs it: its words as typed, its language, what kind of answer it asks for, and the
 * specifics a right answer must be about: the years it names ("UMP 2025") and its names and acronyms ("PRISMA",
 * "Sumatera Selatan"). A passage about the right topic but another year or place is a near miss, not an answer.
 */
record ReaderQuestion(String text, String language, QuestionIntent intent, Set<String> years, Set<String> names, List<String> words) {

    /** The question lower-cased, to tell a sentence's dates, numbers and names from those the question already names. */
    String lowerCase() {
        return text.toLowerCase(Locale.ROOT);
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    /** A capitalised word not opening the question, or an acronym anywhere (PRISMA, UMKM, ILO). */
    private static final Pattern NAME = Pattern.compile("(?<=\\S\\s)\\p{Lu}\\p{Ll}{2,}|\\b\\p{Lu}{2,}\\b");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words that ask rather than name: no answer need repeat them. */
    private static final Set<String> QUESTION_WORDS = Set.of("apa", "apakah", "siapa", "siapakah", "kapan", "kapankah", "dimana",
            "dimanakah", "mana", "berapa", "berapakah", "bagaimana", "gimana", "mengapa", "kenapa", "yang", "dan", "atau", "itu", "ini",
            "dari", "untuk", "dengan", "pada", "dalam", "the", "what", "who", "when", "where", "which", "how", "why", "does", "are",
            "and", "for", "with");

    ReaderQuestion {
        years = Set.copyOf(years);
        names = Set.copyOf(names);
        words = List.copyOf(words);
    }

    static ReaderQuestion of(String text, String language) {
        Set<String> years = new LinkedHashSet<>();
        Matcher year = YEAR.matcher(text);
        while (year.find()) {
            years.add(year.group());
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            names.add(name.group().toLowerCase(Locale.ROOT));
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            if (word.group().length() >= 3 && !QUESTION_WORDS.contains(word.group())) {
                words.add(word.group());
            }
        }
        return new ReaderQuestion(text, language, QuestionIntent.of(text), years, names, List.copyOf(words));
    }
}
