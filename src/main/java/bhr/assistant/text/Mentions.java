package bhr.assistant.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of thing a sentence mentions, in Indonesian and English: the dates, numbers and names in it, and whether it
 * says yes or no, defines, gives a reason, describes steps or enumerates. A property of the sentence alone, so it is
 * worked out once when a passage is analysed; the reader compares it with what a question asks for.
 *
 * @param dates   dates and years, lower-cased ("26 september 2023", "2028"); not "per Februari 2026", which dates the
 *                statement rather than giving a date, nor the year in a rule's number ("Perpres 60/2023")
 * @param numbers numbers that count or measure, written in digits or words, lower-cased (not a rule's number or a year)
 * @param names   institutions, offices, names of two capitalised words, and acronyms, lower-cased
 */
public record Mentions(List<String> dates, List<String> numbers, List<String> names, boolean yesNo, boolean defining,
                       boolean reason, boolean steps, boolean enumerates) {

    private static final String MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
            + "|january|february|march|may|june|july|august|october|december"
            + "|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?\\s+(19|20)\\d{2}\\b|\\b(1[89]|20)\\d{2}\\b"
            + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(abad|century)\\b");
    /** "Per Februari 2026", "as of March 2025": when a statement was true, not the date it gives. */
    private static final Pattern AS_OF = Pattern.compile("(?i)\\b(per|as of|sampai|hingga)\\s+(awal\\s+|akhir\\s+|early\\s+|late\\s+)?("
            + MONTHS + ")?\\.?\\s*(19|20)\\d{2}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?i)\\d+(?:[.,]\\d+)*|\\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
            + "|sepuluh|sebelas|\\w+belas|\\w+puluh|seratus|\\w+ratus|seribu|ribu|juta|miliar|triliun|setengah|separuh|persen"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|percent|half)\\b|%");
    /**
     * A rule named by its number: "UU 20/1999", "Pasal 68", "Konvensi ILO 138", "Perpres Nomor 60 Tahun 2023". Its
     * numbers neither count nor date anything: "usia minimum berapa" is not answered by "Konvensi ILO 138", nor
     * "sampai kapan" by "Perpres 60/2023".
     */
    private static final Pattern RULE = Pattern.compile("(?i)\\b(uu|undang-undang|perpres|pp|permen\\p{L}*|perda|kepmen\\p{L}*"
            + "|keppres|inpres|pergub|perbup|pasal|ayat|huruf|angka|nomor|no\\.|tahun|konvensi(\\s+ilo)?|ilo|c|prinsip|principles?"
            + "|article|law|regulation|resolusi|resolution|putusan)\\s*(no\\.?\\s*|nomor\\s*)?\\d+(?:[./-]\\d+)*"
            + "(\\s+tahun\\s+\\d{4})?|\\b\\d+/\\d{4}\\b");
    /** A year on its own dates something; it is not an amount. */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])\\b(19|20)\\d{2}\\b(?![.,]\\d)");
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

    public Mentions {
        dates = List.copyOf(dates);
        numbers = List.copyOf(numbers);
        names = List.copyOf(names);
    }

    /** @param list whether the sentence is a list with its lead-in */
    public static Mentions in(String sentence, boolean list) {
        String withoutRules = RULE.matcher(sentence).replaceAll(" ");
        return new Mentions(all(DATE, AS_OF.matcher(withoutRules).replaceAll(" ")), all(NUMBER, YEAR.matcher(withoutRules).replaceAll(" ")),
                all(NAME, sentence),
                YES_NO.matcher(sentence).find(), DEFINING.matcher(sentence).find(), REASON.matcher(sentence).find(),
                list || STEPS.matcher(sentence).find(), list || sentence.indexOf(':') > 0 || commas(sentence) >= 2);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return found;
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
