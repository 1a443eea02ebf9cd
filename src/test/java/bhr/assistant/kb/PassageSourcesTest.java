package bhr.assistant.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources as data (KB-FORMAT.md): the front matter's "sources" map, and "Sumber:" and "Per:" lines per section. */
class PassageSourcesTest {

    private static final String PERPRES = """
              perpres-60-2023:
                title: Peraturan Presiden Nomor 60 Tahun 2023 tentang Strategi Nasional Bisnis dan Hak Asasi Manusia
                publisher: JDIH BPK RI
                date: 2023-09-26
                url: https://peraturan.bpk.go.id/Details/262431/perpres-no-60-tahun-2023
            """;
    private static final String ANTARA = """
              antara-2025:
                title: Menteri HAM dorong penerapan bisnis dan HAM jadi wajib
                publisher: ANTARA
                date: 2025-03
                url: https://www.antaranews.com/berita/contoh
            """;
    private static final String COMPILATION_HEAD = """
            ---
            id: contoh
            title: Tanya Jawab
            kind: faq
            language: id
            source: Kompilasi dari sumber resmi
            compilation: true
            sources:
            """;

    private final DocumentReader reader = new DocumentReader();

    @Test
    void sumber_per_and_pihak_lines_in_any_order_describe_the_section_and_leave_its_text() throws Exception {
        KnowledgeDocument document = read(COMPILATION_HEAD + PERPRES + ANTARA + """
                ---
                # PRISMA

                ## Apakah PRISMA wajib
                Per: 2026-12
                Sumber: perpres-60-2023, antara-2025
                Pihak: pelaku-usaha, umkm

                Tidak. Pengisian PRISMA sukarela.

                ## Dasar hukum
                Sumber: perpres-60-2023
                Perpres 60/2023 menyebut Aksi BHAM.
                """);

        assertTrue(document.metadata().compilation());
        assertEquals("", document.metadata().url());
        Passage first = document.passages().get(0);
        assertEquals("Tidak. Pengisian PRISMA sukarela.", first.text());
        assertEquals(List.of("pelaku-usaha", "umkm"), first.actors());
        assertEquals("2026-12", first.asOf());
        assertEquals(List.of("perpres-60-2023", "antara-2025"), first.sources().stream().map(PassageSourcesTest::keyOf).toList());
        Source perpres = first.sources().get(0);
        assertEquals("JDIH BPK RI", perpres.publisher());
        assertEquals("2023-09-26", perpres.date(), "a YAML date stays a calendar date");
        assertEquals("2025-03", first.sources().get(1).date());
        Passage second = document.passages().get(1);
        assertEquals("Perpres 60/2023 menyebut Aksi BHAM.", second.text(), "a Sumber: line in the heading's paragraph is not text");
        assertEquals("", second.asOf());
        assertEquals(1, second.sources().size());
    }

    @Test
    void a_section_without_a_sumber_line_cites_the_document_itself() throws Exception {
        KnowledgeDocument document = read("""
                ---
                id: contoh
                title: Perpres 60/2023
                kind: regulation
                language: id
                source: JDIH BPK RI
                url: https://peraturan.bpk.go.id/Details/262431
                published: 2023-09-26
                ---
                # Pasal 1
                Dalam Peraturan Presiden ini yang dimaksud dengan HAM adalah seperangkat hak.
                """);

        assertEquals(List.of(new Source("Perpres 60/2023", "JDIH BPK RI", "2023-09-26", "https://peraturan.bpk.go.id/Details/262431")),
                document.passages().get(0).sources());
    }

    @Test
    void a_compilation_section_without_a_sumber_line_cites_nothing_rather_than_a_borrowed_link() throws Exception {
        KnowledgeDocument document = read(COMPILATION_HEAD + PERPRES + "---\n# Bagian\nTeks tanpa sumber.\n");

        assertEquals(List.of(), document.passages().get(0).sources());
    }

    @Test
    void uploads_in_other_formats_keep_sumber_lines_as_text_and_cite_the_document() throws Exception {
        byte[] html = "<html><body><h1>Data</h1><p>Sumber: BPS 2024</p><p>Jumlah pekerja anak turun.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        KnowledgeDocument document = reader.read("laporan.html", html, DocumentFormat.HTML, Map.of(
                "id", "laporan", "title", "Laporan", "kind", "reference", "language", "id", "source", "Uji",
                "url", "https://example.org/laporan", "published", "2024-05-01"), Instant.EPOCH);

        Passage passage = document.passages().get(0);
        assertTrue(passage.text().startsWith("Sumber: BPS 2024"), passage.text());
        assertEquals(List.of(new Source("Laporan", "Uji", "2024-05-01", "https://example.org/laporan")), passage.sources());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            source without publisher | publisher: JDIH BPK RI   | publisher: ""                    | source 'perpres-60-2023' is missing 'publisher'
            source with a bad date   | date: 2023-09-26         | date: 2023-13-01                 | source 'perpres-60-2023' has date '2023-13-01'
            source with prose date   | date: 2023-09-26         | date: September 2023             | source 'perpres-60-2023' has date 'September 2023'
            source on plain http     | url: https://peraturan   | url: http://peraturan            | source 'perpres-60-2023' has url 'http://peraturan.bpk.go.id/Details/262431/perpres-no-60-tahun-2023': it must be an https address
            source with extra field  | date: 2023-09-26         | date: 2023-09-26\\n    halaman: 3 | source 'perpres-60-2023' has unknown field 'halaman'
            unknown sumber key       | Sumber: perpres-60-2023  | Sumber: perpres-60-2023, kompas  | section 'Bagian' names source 'kompas' on its 'Sumber:' line, but the front matter's 'sources' does not define it
            per without a month      | Per: 2026-12             | Per: 2026                        | section 'Bagian' has 'Per: 2026'
            per not a date           | Per: 2026-12             | Per: Desember 2026               | section 'Bagian' has 'Per: Desember 2026'
            two per lines            | Per: 2026-12             | Per: 2026-12\\nPer: 2025-01       | section 'Bagian' has 'Per: 2026-12, 2025-01'
            compilation with a url   | compilation: true        | compilation: true\\nurl: https://peraturan.bpk.go.id | a compilation has no 'url'
            compilation not a flag   | compilation: true        | compilation: ya                  | 'compilation' must be true or false, not 'ya'
            other key as a list      | kind: faq                | kind: faq\\ntags: [a, b]          | front matter key 'tags' must be a single value
            bad source key           | perpres-60-2023:         | Perpres_60:                      | source key 'Perpres_60' must be lowercase letters, digits and '-'
            """)
    void a_broken_file_is_refused_with_a_reason_naming_the_key(String name, String good, String broken, String reason) {
        String valid = COMPILATION_HEAD + PERPRES + """
                ---
                # Bagian
                Sumber: perpres-60-2023
                Per: 2026-12
                Teks.
                """;
        String file = valid.replace(good.replace("\\n", "\n"), broken.replace("\\n", "\n"));
        assertFalse(file.equals(valid), "the case must change the file: " + name);

        InvalidDocumentException refused = assertThrows(InvalidDocumentException.class, () -> read(file));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void the_unbroken_file_of_the_refusal_cases_loads() throws Exception {
        KnowledgeDocument document = read(COMPILATION_HEAD + PERPRES + "---\n# Bagian\nSumber: perpres-60-2023\nPer: 2026-12\nTeks.\n");
        assertEquals("2026-12", document.passages().get(0).asOf());
    }

    @Test
    void a_document_that_is_not_a_compilation_still_needs_its_url() {
        InvalidDocumentException refused = assertThrows(InvalidDocumentException.class, () -> read(
                COMPILATION_HEAD.replace("compilation: true\n", "") + PERPRES + "---\n# Bagian\nSumber: perpres-60-2023\nTeks.\n"));
        assertTrue(refused.getMessage().contains("missing 'url'"), refused.getMessage());
    }

    private KnowledgeDocument read(String markdown) throws InvalidDocumentException {
        return reader.read("contoh.md", markdown.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, Map.of(), Instant.EPOCH);
    }

    private static String keyOf(Source source) {
        return source.publisher().equals("ANTARA") ? "antara-2025" : "perpres-60-2023";
    }
}
