package bhr.assistant.conversation;

import bhr.assistant.index.Lexicon;
import bhr.assistant.kb.LanguageDetector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation layer in front of the answer flow, like a dialogue manager's intent step: it tells a question from
 * a greeting, thanks, an "ok", a goodbye, chit-chat, a question about the bot itself or a message of only symbols,
 * and takes the greeting and thanks off a question wrapped in them. Small talk never reaches retrieval.
 * <p>
 * The phrases are data (config/lexicon/small-talk.tsv). Chit-chat and questions about the bot are recognised by their
 * vocabulary: a short message all of whose words are such words ("kamu siapa?", "bisa bantu apa aja?", "lagi apa?")
 * is small talk, while one naming a topic ("kamu tahu PRISMA?") is a question.
 */
public final class Conversation {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Map<List<String>, Phrase> PHRASES = phrases();
    private static final int LONGEST_PHRASE = PHRASES.keySet().stream().mapToInt(List::size).max().orElse(1);
    /** Laughter and keyboard mashing: "wkwk", "hahaha", "hehe", "xixixi", "lol". */
    private static final Pattern LAUGHTER = Pattern.compile("(w?k)+w*|(ha)+h?|(he)+h?|(hi)+h?|(xi)+|lo+l|lmao|rofl");
    /** Words that point at the assistant itself. */
    private static final Set<String> ABOUT_BOT_MARKERS = folded("kamu", "anda", "kau", "lu", "lo", "elo", "you", "your", "bot",
            "botnya", "robot", "ai", "chatgpt", "gpt", "asisten", "assistant", "chatbot", "kmu", "km", "bantu", "membantu", "help",
            "chat", "percakapan", "help", "bantuan", "menu", "fitur", "fiturnya", "namamu", "pembuatmu", "ini");
    /** What else a question about the assistant is made of: asking words, and what people ask a bot about itself. */
    private static final Set<String> ABOUT_BOT_WORDS = folded("gmn", "gimana", "bagaimana", "siapa", "apa", "aja", "saja", "bisa", "bantu", "membantu", "yang", "yg",
            "bikin", "buat", "membuat", "pembuat", "dibuat", "pake", "pakai", "menggunakan", "cara", "ini", "itu", "ya", "gak", "ga",
            "tidak", "nggak", "disimpen", "disimpan", "simpan", "menyimpan", "chat", "pesan", "data", "saya", "aku", "gue", "gw",
            "speak", "english", "inggris", "indonesia", "bahasa", "berbahasa", "can", "could", "do", "does", "what", "who", "made",
            "make", "are", "is", "a", "an", "the", "human", "manusia", "orang", "asli", "beneran", "real", "how", "use", "work",
            "kerja", "bekerja", "nama", "name", "kenal", "tau", "tahu", "know", "mu", "kah", "sih", "dong", "deh", "nih", "pintar",
            "pinter", "smart", "gratis", "free", "bayar", "berbayar", "pay", "apakah", "and", "or", "store", "save", "my", "privacy",
            "rahasia", "aman", "safe", "am", "i", "me", "with", "in", "talk", "bicara", "ngomong", "jawab", "menjawab", "answer",
            "answers", "sumber", "source", "sources", "dari", "mana", "where", "from", "get", "dapat", "dapet", "info", "informasi",
            "versi", "version", "model", "kapan", "dibikin", "sama", "siapakah", "of", "to", "for", "help", "me", "us", "kita",
            "kami", "bener", "benar", "hebat", "canggih", "guna", "fungsi", "function", "pakenya", "caranya", "nanya", "tanya",
            "bertanya", "ask", "questions", "pertanyaan", "language", "languages", "will", "be", "bahasanya", "robot", "mesin",
            "machine", "program", "aplikasi", "app", "this", "that", "it", "isn't", "not", "yet", "ngerti", "mengerti", "understand",
            "paham", "bodoh", "useless", "stupid", "pakainya", "gunanya", "works", "working", "tentang", "about", "who's", "what's",
            "whats", "ur", "u", "r", "berapa", "umur", "umurmu", "age", "old", "tinggal", "live", "dimana", "di");
    /** Chit-chat: how people pass the time with a bot, none of it a topic. */
    private static final Set<String> CHITCHAT_WORDS = folded("apa", "kabar", "kabarnya", "how", "are", "you", "lagi", "ngapain",
            "udah", "sudah", "makan", "belum", "blm", "gabut", "bgt", "banget", "bosan", "bosen", "capek", "cape", "keren", "botnya",
            "bot", "pintar", "pinter", "good", "bad", "nice", "love", "i", "sayang", "kamu", "test", "tes", "testing", "cek", "coba",
            "mantap", "lucu", "what's", "whats", "up", "sup", "doing", "baik", "sehat", "hari", "ini", "gimana", "how's", "day",
            "your", "is", "it", "ya", "aku", "saya", "lapar", "laper", "ngantuk", "kangen", "halo", "hai", "lg", "dah", "sdh",
            "kok", "wow", "anjay", "anjir", "asik", "asyik", "seru", "cool", "great", "awesome", "funny", "hahaha", "haha", "oke",
            "thank", "bored", "tired", "hungry", "sleepy", "bagus", "jelek", "buruk", "payah", "helpful", "membantu",
            "terbantu", "jawabanmu", "jawabannya", "mu", "going", "how's", "hows", "is", "it", "cuaca", "weather", "today", "tebak",
            "nyanyi", "sing", "joke", "jokes", "lelucon", "lawak", "pantun", "ceritakan", "tell", "me", "a", "song", "bodoh", "dumb",
            "stupid", "useless", "pinter", "jenius", "genius", "hari", "nice", "meet", "to", "senang", "kenalan", "kenal", "bertemu",
            "happy", "sad", "sedih", "marah", "angry", "love", "u", "ur", "you're", "youre", "so", "very", "sangat", "sekali");
    private static final int SHORT_MESSAGE_WORDS = 8;

    private Conversation() {
    }

    /** A small-talk phrase: its kind (greeting, thanks, ack, goodbye, filler) and the language it tells of ("any" if none). */
    private record Phrase(String kind, String language) {
    }

    /** A matched phrase of the message: where its words start and end. */
    private record Match(int from, int to, Phrase phrase) {
    }

    public static Turn read(String message) {
        String text = MessageText.words(message == null ? "" : message);
        if (!MessageText.hasWords(text)) {
            return new Turn(Optional.of(SmallTalk.SYMBOLS), "", Optional.empty());
        }
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
            words.add(fold(matcher.group().toLowerCase(Locale.ROOT)));
        }
        Optional<String> typedLanguage = Optional.of(LanguageDetector.detect(text));
        List<Match> matches = matches(words);
        // Leading greetings, acknowledgements and fillers, and trailing thanks and goodbyes, wrap a question.
        int from = 0;
        boolean leadingSmallTalk = false;
        for (Match match : matches) {
            if (match.from() != from || match.phrase().kind().equals("goodbye")) {
                break;
            }
            from = match.to();
            leadingSmallTalk |= !match.phrase().kind().equals("filler");
        }
        if (!leadingSmallTalk) {
            from = 0;
        }
        int to = words.size();
        int trailingEnd = to;
        for (int i = matches.size() - 1; i >= 0; i--) {
            Match match = matches.get(i);
            if (match.to() != to || match.from() < from) {
                break;
            }
            to = match.from();
            if (match.phrase().kind().equals("thanks") || match.phrase().kind().equals("goodbye")) {
                trailingEnd = to;
            }
        }
        to = Math.max(from, trailingEnd);
        Optional<String> language = language(matches);
        if (from >= to) {
            return new Turn(Optional.of(kindOf(matches)), "", language);
        }
        List<String> rest = words.subList(from, to);
        if (rest.size() <= SHORT_MESSAGE_WORDS) {
            if (rest.stream().allMatch(word -> CHITCHAT_WORDS.contains(word) || LAUGHTER.matcher(word).matches())) {
                return new Turn(Optional.of(SmallTalk.CHITCHAT), "", language.or(() -> typedLanguage));
            }
            if (rest.stream().anyMatch(ABOUT_BOT_MARKERS::contains)
                    && rest.stream().allMatch(word -> ABOUT_BOT_MARKERS.contains(word) || ABOUT_BOT_WORDS.contains(word))) {
                return new Turn(Optional.of(SmallTalk.ABOUT_BOT), "", language.or(() -> typedLanguage));
            }
        }
        String question = text.substring(spans.get(from)[0], spans.get(to - 1)[1]);
        return new Turn(Optional.empty(), question.strip(), Optional.empty());
    }

    /**
     * The small-talk phrases of the message, left to right, longest first where phrases overlap; words matching no
     * phrase break the chain.
     */
    private static List<Match> matches(List<String> words) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match found = null;
            for (int length = Math.min(LONGEST_PHRASE, words.size() - i); length >= 1 && found == null; length--) {
                Phrase phrase = PHRASES.get(words.subList(i, i + length));
                if (phrase != null) {
                    found = new Match(i, i + length, phrase);
                }
            }
            if (found == null) {
                i++;
            } else {
                matches.add(found);
                i = found.to();
            }
        }
        return matches;
    }

    /** The kind of a message made only of small-talk phrases: a goodbye or thanks outweighs the greeting before it. */
    private static SmallTalk kindOf(List<Match> matches) {
        for (SmallTalk kind : List.of(SmallTalk.GOODBYE, SmallTalk.THANKS, SmallTalk.GREETING, SmallTalk.ACK)) {
            if (matches.stream().anyMatch(match -> match.phrase().kind().equalsIgnoreCase(kind.name()))) {
                return kind;
            }
        }
        return SmallTalk.GREETING; // only words of address ("kak", "min"): someone calling for attention
    }

    private static Optional<String> language(List<Match> matches) {
        long english = matches.stream().filter(match -> match.phrase().language().equals("en")).count();
        long indonesian = matches.stream().filter(match -> match.phrase().language().equals("id")).count();
        if (english == indonesian) {
            return Optional.empty();
        }
        return Optional.of(english > indonesian ? "en" : "id");
    }

    /** Letters repeated for emphasis fold to one ("halooo", "sipp", "makasihhh"), in phrases and messages alike. */
    static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (folded.isEmpty() || folded.charAt(folded.length() - 1) != c || !Character.isLetter(c)) {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    private static Set<String> folded(String... words) {
        Set<String> folded = new java.util.HashSet<>();
        for (String word : words) {
            folded.add(fold(word));
        }
        return Set.copyOf(folded);
    }

    private static Map<List<String>, Phrase> phrases() {
        Map<List<String>, Phrase> phrases = new HashMap<>();
        Lexicon.load("small-talk.tsv").forEach((phrase, value) -> {
            String[] parts = value.split("\t");
            List<String> words = new ArrayList<>();
            Matcher word = WORD.matcher(phrase);
            while (word.find()) {
                words.add(fold(word.group()));
            }
            phrases.put(List.copyOf(words), new Phrase(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "any"));
        });
        return Map.copyOf(phrases);
    }
}
