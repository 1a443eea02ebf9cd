package bhr.assistant.reader;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, read from its question words in Indonesian (formal and informal) and
 * English. The first kind whose pattern matches wins, so "berapa kali ... harus melapor" asks for a number and
 * "apa saja kewajiban ..." for a list, though both also contain words of other kinds.
 */
public enum QuestionIntent {
    DATE("\\bkapan\\b|\\bsejak kapan\\b|\\bsampai kapan\\b|\\btanggal berapa\\b|\\btahun berapa\\b|\\btgl\\b|\\bwhen\\b"
            + "|\\bwhat (year|date)\\b|\\bsince when\\b|\\buntil when\\b"),
    NUMBER("\\bberapa\\b|\\bbrp\\b|\\bberapakah\\b|\\bhow (many|much|long|often)\\b|\\bjumlah\\b|\\bbesaran\\b|\\bnominal\\b"
            + "|\\bpersen(tase)?\\b|\\bnumber of\\b|\\bamount\\b"),
    LIST("\\bapa saja\\b|\\bapa aja\\b|\\bsiapa saja\\b|\\bsiapa aja\\b|\\bmana saja\\b|\\bsebutkan\\b|\\bdaftar\\b|\\bjenis\\b"
            + "|\\bmacam\\b|\\bwhat are the\\b|\\bwhich are\\b|\\blist\\b|\\bkinds of\\b|\\btypes of\\b"
            + "|^apa (kewajiban|tugas|hak|peran|syarat|isi|prinsip|manfaat|contoh|fungsi|kewenangan|wewenang|sanksi)\\b"),
    PERSON("\\bsiapa\\b|\\bsiapakah\\b|\\bwho\\b|\\bwhom\\b|\\blembaga apa\\b|\\binstansi (apa|mana)\\b|\\bke ?mana\\b|\\bkmn\\b"
            + "|\\bdi ?mana(kah)?\\b|\\bdmn\\b|\\bwhere\\b|\\bnegara apa\\b|\\bkota apa\\b"
            + "|\\bwhich (institution|agency|body|ministry|office|authority)\\b|\\bwhere (can|do|should|to)\\b"),
    REASON("\\bmengapa\\b|\\bkenapa\\b|\\bknp\\b|\\bwhy\\b|\\balasan\\b|\\btujuan\\b|\\bpurpose\\b"),
    HOW("\\bbagaimana\\b|\\bgimana\\b|\\bgmn\\b|\\bbgmn\\b|\\bcara\\b|\\blangkah\\b|\\bprosedur\\b|\\bhow (to|do|does|can|should|is|are)\\b"
            + "|\\bsteps?\\b|\\bprocedure\\b"),
    YES_NO("^(apakah|apa kah|is|are|do|does|can|could|must|should|may|will|has|have)\\b.*\\b(wajib|harus|boleh|bisa|perlu|berlaku"
            + "|termasuk|dilarang|mengikat|sudah|masih|ada|required|mandatory|binding|apply|allowed|need)\\b"
            + "|\\b(wajib|harus|boleh|bisa|perlu|mesti|kena)\\b.*\\b(gak|ga|nggak|ngga|enggak|tidak|tdk|gk|kah|ya|nggk|engga)\\s*$"
            + "|^apa (?!.*\\byang\\b).*\\b(wajib|harus|boleh|perlu|bisa|dilarang|berlaku)\\b"
            + "|^(is|are|do|does|can|must|should|may)\\b"),
    DEFINITION("\\bapa itu\\b|\\bapa sih\\b|\\bapaan\\b|\\bitu apa\\b|\\byang dimaksud\\b|\\bpengertian\\b|\\bdefinisi\\b|\\barti(nya)?\\b"
            + "|\\bmaksud(nya)?\\b|^what (is|are)\\b|\\bwhat does .* mean\\b|\\bdefine\\b|\\bmeaning of\\b|\\bapakah (itu|yang)\\b"),
    OTHER("$^");

    private final Pattern pattern;

    QuestionIntent(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    private static final List<QuestionIntent> IN_ORDER = List.of(values());

    public static QuestionIntent of(String question) {
        String text = question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}/ ]+", " ").replaceAll("\\s+", " ").strip();
        for (QuestionIntent intent : IN_ORDER) {
            if (intent.pattern.matcher(text).find()) {
                return intent;
            }
        }
        return OTHER;
    }

    /** Whether the answer must contain a thing of a kind a sentence can be checked for: a date, a number, a name or place. */
    boolean typed() {
        return this == DATE || this == NUMBER || this == PERSON;
    }
}
