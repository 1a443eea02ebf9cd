package bhr.assistant.reader;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence contains the kind of thing a question asks for: a date for "kapan", a number for "berapa",
 * a name for "siapa", a yes or no for "apakah wajib", a defining verb for "apa itu". A sentence that does is a
 * likelier answer; one that does not, however many of the question's words it repeats, is a likelier near miss.
 */
final class AnswerTypes {

    private static final String MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
            + "|january|february|march|may|june|july|august|october|december"
            + "|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?\\s+(19|20)\\d{2}\\b|\\b(1[89]|20)\\d{2}\\b"
            + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(abad|century)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?i)\\d|\\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh"
            + "|sebelas|\\w+belas|\\w+puluh|seratus|\\w+ratus|seribu|ribu|juta|miliar|triliun|setengah|separuh|persen"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|percent|half)\\b|%");
    /** Institutions and offices by the words that name them, and names: two capitalised words in a row. */
    private static final Pattern NAME = Pattern.compile("\\b(Kementerian|Kemen\\w+|Komnas|Komisi|Badan|Dinas|Direktorat|Ditjen|Dirjen"
            + "|Kantor|Kanwil|Lembaga|Ombudsman|Presiden|Menteri|Wakil|Gubernur|Bupati|Wali|Pengadilan|Mahkamah|Polisi|Polri|Kepolisian"
            + "|Sekretariat|Gugus|Satgas|Majelis|Dewan|Ministry|Minister|Commission|Council|Office|Agency|Court|Committee|Working Group"
            + "|President|Secretary|Representative|Ombudsperson)\\b|\\b\\p{Lu}[\\p{L}.]+\\s+\\p{Lu}[\\p{L}.]+|\\b\\p{Lu}{2,}\\b");
    private static final Pattern YES_NO = Pattern.compile("(?i)^(ya|iya|tidak|tdk|bukan|bisa|boleh|belum|sudah|wajib|yes|no|not)\\b"
            + "|\\b(wajib|diwajibkan|tidak wajib|sukarela|dilarang|boleh|harus|mengikat|berlaku|must|mandatory|voluntary|required|binding"
            + "|prohibited|may not|not required|obliged)\\b");
    private static final Pattern DEFINING = Pattern.compile("(?i)\\b(adalah|merupakan|ialah|yaitu|yakni|disebut|artinya|berarti"
            + "|dimaksud|is|are|refers? to|means|stands for|known as)\\b");
    private static final Pattern REASON = Pattern.compile("(?i)\\b(karena|sebab|agar|supaya|tujuan|bertujuan|alasan|untuk|sehingga"
            + "|because|so that|in order|aims?|purpose|since|to ensure)\\b");
    private static final Pattern STEPS = Pattern.compile("(?i)\\b(langkah|tahap|pertama|kedua|caranya|dengan cara|melalui|mulai"
            + "|daftar|ajukan|isi|kirim|hubungi|step|first|then|by|through|start|submit|contact|file)\\b");

    private AnswerTypes() {
    }

    /**
     * Whether the sentence has what the intent asks for; always false for a question of no particular kind. A date,
     * number or name counts only when the question does not already name it: "Kepulauan Tanimbar merupakan ..." does
     * not say where Kepulauan Tanimbar lies.
     *
     * @param question the question, lower-cased
     */
    static boolean present(QuestionIntent intent, String sentence, boolean list, String question) {
        return switch (intent) {
            case DATE -> newMatch(DATE, sentence, question);
            case NUMBER -> newMatch(NUMBER, sentence, question);
            case PERSON -> newMatch(NAME, sentence, question);
            case YES_NO -> YES_NO.matcher(sentence).find();
            case DEFINITION -> DEFINING.matcher(sentence).find();
            case REASON -> REASON.matcher(sentence).find();
            case HOW -> list || STEPS.matcher(sentence).find();
            case LIST -> list || sentence.indexOf(':') > 0 || commas(sentence) >= 2;
            case OTHER -> false;
        };
    }

    /** "Per Februari 2026", "as of March 2025": when a statement was true, not the date it gives. */
    private static final Pattern AS_OF = Pattern.compile("(?i)\\b(per|as of|sampai|hingga)\\s+(awal\\s+|akhir\\s+|early\\s+|late\\s+)?("
            + MONTHS + ")?\\.?\\s*(19|20)\\d{2}\\b");

    private static boolean newMatch(Pattern pattern, String sentence, String question) {
        Matcher matcher = pattern.matcher(pattern == DATE ? AS_OF.matcher(sentence).replaceAll(" ") : sentence);
        while (matcher.find()) {
            if (!question.contains(matcher.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static int commas(String sentence) {
        int commas = 0;
        for (int i = 0; i < sentence.length(); i++) {
            if (sentence.charAt(i) == ',') {
                commas++;
            }
        }
        return commas;
    }
}
