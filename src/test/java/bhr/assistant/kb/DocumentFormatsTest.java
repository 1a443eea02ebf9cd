package bhr.assistant.kb;

import bhr.assistant.TestFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentFormatsTest {

    private static final Map<String, String> METADATA = Map.of(
            "id", "contoh", "title", "Contoh", "kind", "guide", "language", "id", "source", "Uji",
            "url", "https://example.org/contoh");

    private final DocumentReader reader = new DocumentReader();

    @Test
    void markdown_headings_become_section_paths_and_pihak_lines_become_actors() throws Exception {
        String markdown = """
                ---
                id: contoh
                title: Contoh
                kind: regulation
                language: id
                source: Uji
                url: https://example.org/contoh
                published: 2023-09-26
                ---
                # BAB II Gugus Tugas

                ## Pasal 7
                Pihak: pemerintah-daerah, gugus-tugas
                Gubernur membentuk **gugus tugas daerah** dengan [keputusan gubernur](https://example.org).

                ## Pasal 8
                Gugus tugas daerah melapor setiap tahun.
                """;
        KnowledgeDocument document = read(markdown.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, Map.of());

        assertEquals("2023-09-26", document.metadata().published());
        assertEquals("referensi", document.metadata().status(), "status defaults to referensi");
        Passage pasal7 = document.passages().get(0);
        assertEquals(List.of("BAB II Gugus Tugas", "Pasal 7"), pasal7.headingPath());
        assertEquals("contoh#pasal-7", pasal7.id());
        assertEquals(List.of("pemerintah-daerah", "gugus-tugas"), pasal7.actors());
        assertEquals("Gubernur membentuk gugus tugas daerah dengan keputusan gubernur.", pasal7.text());
        assertEquals(List.of(), document.passages().get(1).actors());
    }

    @Test
    void plain_text_recognises_bab_and_pasal_headings() throws Exception {
        String text = """
                BAB I
                KETENTUAN UMUM

                Pasal 1
                Dalam Peraturan Presiden ini yang dimaksud dengan pelaku usaha adalah badan usaha.

                Pasal 2
                Strategi nasional memuat tiga strategi.
                """;
        KnowledgeDocument document = read(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT, METADATA);

        assertEquals(2, document.passages().size());
        assertEquals(List.of("BAB I KETENTUAN UMUM", "Pasal 1"), document.passages().get(0).headingPath());
        assertEquals(List.of("BAB I KETENTUAN UMUM", "Pasal 2"), document.passages().get(1).headingPath());
    }

    @Test
    void pdf_pages_become_locators() throws Exception {
        byte[] pdf = TestFiles.pdf("Halaman pertama membahas uji tuntas.", "Halaman kedua membahas pengaduan pekerja.");
        KnowledgeDocument document = read(pdf, DocumentFormat.PDF, METADATA);

        assertEquals(2, document.passages().size());
        assertEquals("Halaman 1", document.passages().get(0).locator());
        assertTrue(document.passages().get(0).text().contains("uji tuntas"));
        assertEquals("Halaman 2", document.passages().get(1).locator());
        assertEquals("Halaman 2", document.passages().get(1).sectionLabel());
        assertTrue(document.passages().get(1).text().contains("pengaduan pekerja"));
    }

    @Test
    void pdf_without_text_is_refused_with_a_reason() throws Exception {
        byte[] blank = TestFiles.blankPdf();
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(blank, DocumentFormat.PDF, METADATA));
        assertTrue(e.getMessage().contains("no text found"), e.getMessage());
    }

    @Test
    void html_headings_become_sections_and_scripts_are_ignored() throws Exception {
        String html = """
                <html lang="id"><head><title>Panduan Pengaduan</title><script>alert('x')</script></head>
                <body><nav>Menu</nav>
                <h1>Pengaduan</h1><p>Pekerja dapat mengadu ke Komnas HAM.</p>
                <h2>Dokumen yang disiapkan</h2><ul><li><p>Identitas pelapor</p></li><li>Kronologi kejadian</li></ul>
                </body></html>
                """;
        KnowledgeDocument document = read(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML,
                Map.of("id", "contoh", "kind", "guide", "source", "Uji", "url", "https://example.org/contoh"));

        assertEquals("Panduan Pengaduan", document.metadata().title());
        assertEquals("id", document.metadata().language());
        assertEquals(List.of("Pengaduan"), document.passages().get(0).headingPath());
        assertEquals(List.of("Pengaduan", "Dokumen yang disiapkan"), document.passages().get(1).headingPath());
        assertEquals("Identitas pelapor\n\nKronologi kejadian", document.passages().get(1).text());
        assertTrue(document.passages().stream().noneMatch(p -> p.text().contains("alert") || p.text().contains("Menu")));
    }

    @Test
    void docx_heading_styles_become_sections() throws Exception {
        byte[] docx = TestFiles.docx("Heading1", "Modul 2: Uji Tuntas HAM", null, "Uji tuntas adalah proses yang berulang.",
                "Heading2", "Langkah pertama", null, "Petakan risiko terhadap pekerja dan masyarakat.");
        KnowledgeDocument document = read(docx, DocumentFormat.DOCX, METADATA);

        assertEquals(List.of("Modul 2: Uji Tuntas HAM"), document.passages().get(0).headingPath());
        assertEquals(List.of("Modul 2: Uji Tuntas HAM", "Langkah pertama"), document.passages().get(1).headingPath());
        assertEquals("Petakan risiko terhadap pekerja dan masyarakat.", document.passages().get(1).text());
    }

    @Test
    void corrupt_binary_files_are_refused_with_a_reason() {
        byte[] garbage = "this is not a real file".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidDocumentException.class, () -> read(garbage, DocumentFormat.PDF, METADATA));
        assertThrows(InvalidDocumentException.class, () -> read(garbage, DocumentFormat.DOCX, METADATA));
    }

    @Test
    void missing_required_metadata_is_listed_in_the_reason() {
        byte[] markdown = "---\nid: x\ntitle: X\n---\n# A\nTeks.".getBytes(StandardCharsets.UTF_8);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(markdown, DocumentFormat.MARKDOWN, Map.of()));
        assertTrue(e.getMessage().contains("missing 'kind'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing 'url'"), e.getMessage());
    }

    @Test
    void text_that_is_not_utf8_is_refused() {
        byte[] latin1 = "---\nid: x\n---\nPeraturan tentang \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(latin1, DocumentFormat.MARKDOWN, Map.of()));
        assertTrue(e.getMessage().contains("UTF-8"));
    }

    @Test
    void a_pdf_cut_off_anywhere_is_refused_as_incomplete_not_served_with_pages_missing() throws Exception {
        String[] pages = new String[8];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = "Halaman " + (i + 1) + " membahas uji tuntas hak asasi manusia bagi pelaku usaha.";
        }
        byte[] pdf = TestFiles.pdf(pages);
        assertEquals(8, read(pdf, DocumentFormat.PDF, METADATA).passages().size());

        for (int percent : new int[]{30, 50, 75, 90, 97, 99}) {
            byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length * percent / 100);
            InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(cut, DocumentFormat.PDF, METADATA),
                    "cut at " + percent + "%");
            assertTrue(e.getMessage().contains("incomplete") && !e.getMessage().contains("scanned"), percent + "%: " + e.getMessage());
        }
    }

    @Test
    void a_pdf_with_a_damaged_cross_reference_table_is_refused_as_damaged() throws Exception {
        byte[] pdf = TestFiles.pdf("Halaman pertama.", "Halaman kedua.");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        String offset = text.substring(startxref + "startxref".length()).strip().split("\\s+")[0];
        String damaged = text.substring(0, startxref) + "startxref\n" + (Long.parseLong(offset) + 7) + "\n%%EOF\n";

        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> read(damaged.getBytes(StandardCharsets.ISO_8859_1), DocumentFormat.PDF, METADATA));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void html_keeps_the_main_content_and_drops_what_the_page_wraps_around_it() throws Exception {
        String html = """
                <html lang="id"><head><title>Panduan</title></head><body>
                <header><div class="logo">Kementerian Contoh</div><p>Beranda | Profil</p></header>
                <div id="cookie-banner">Situs ini memakai kuki. <button>Setuju</button></div>
                <div class="consent-popup">Izinkan pelacakan?</div>
                <nav>Menu utama</nav>
                <div class="isi">
                  <h1>Pengaduan</h1>
                  Pekerja dapat mengadu ke <b>Komnas HAM</b> secara tertulis.
                  <div>Pengaduan juga dapat dikirim melalui surat elektronik.</div>
                  <section class="fpic-consent"><p>Persetujuan atas dasar informasi awal tanpa paksaan.</p></section>
                </div>
                <aside>Berita terkait: lomba foto</aside>
                <footer>Hak cipta 2026</footer>
                </body></html>
                """;
        KnowledgeDocument document = read(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML,
                Map.of("id", "contoh", "kind", "guide", "source", "Uji", "url", "https://example.org/contoh"));

        String text = document.passages().stream().map(Passage::text).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(text.contains("Pekerja dapat mengadu ke Komnas HAM secara tertulis."), text);
        assertTrue(text.contains("Pengaduan juga dapat dikirim melalui surat elektronik."), text);
        assertTrue(text.contains("Persetujuan atas dasar informasi awal"), text);
        for (String wrapped : List.of("Kementerian Contoh", "Beranda", "kuki", "Setuju", "pelacakan", "Menu utama", "lomba foto", "Hak cipta")) {
            assertFalse(text.contains(wrapped), wrapped + " should not be indexed: " + text);
        }
    }

    @Test
    void html_reads_only_the_marked_main_content_when_there_is_one() throws Exception {
        String html = "<html><body><div>Iklan di luar isi.</div><main><h1>Isi</h1><div>Teks utama zamrudutama.</div></main></body></html>";
        KnowledgeDocument document = read(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML, METADATA);

        assertEquals(List.of("Teks utama zamrudutama."), document.passages().stream().map(Passage::text).toList());
    }

    @Test
    void a_docx_that_unpacks_to_far_more_than_it_holds_is_refused_with_a_plain_reason() throws Exception {
        StringBuilder repetitive = new StringBuilder();
        while (repetitive.length() < 12_000_000) {
            repetitive.append("<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>");
        }
        java.util.Random random = new java.util.Random(7);
        StringBuilder large = new StringBuilder();
        while (large.length() < 12_000_000) {
            large.append("<w:p><w:r><w:t>");
            for (int i = 0; i < 12; i++) {
                large.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
            }
            large.append("</w:t></w:r></w:p>");
        }
        for (StringBuilder body : List.of(repetitive, large)) {
            byte[] docx = TestFiles.docxWithBody(body.toString());
            InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(docx, DocumentFormat.DOCX, METADATA));
            assertTrue(e.getMessage().contains("zip bomb") && !e.getMessage().contains("RecordFormatException"), e.getMessage());
        }
    }

    @Test
    void text_beyond_the_cap_is_refused_with_the_limit_named() {
        byte[] text = "Kalimat uji yang diulang-ulang. ".repeat(ContentLimits.MAX_TEXT_CHARACTERS / 30).getBytes(StandardCharsets.UTF_8);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(text, DocumentFormat.TEXT, METADATA));
        assertTrue(e.getMessage().contains("at most " + ContentLimits.MAX_TEXT_CHARACTERS), e.getMessage());
    }

    @Test
    void front_matter_is_plain_data_without_tags_anchors_or_aliases() throws Exception {
        String head = "---\nid: contoh\nkind: guide\nlanguage: id\nsource: Uji\nurl: https://example.org/c\n";
        for (String yaml : List.of("title: !!python/object:os.system x\n", "title: &nama Judul\nsource2: *nama\n",
                "title: !!str Judul\n", "title: Judul\nextra: !custom {a: b}\n")) {
            byte[] markdown = (head + yaml + "---\n# A\nTeks.\n").getBytes(StandardCharsets.UTF_8);
            InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(markdown, DocumentFormat.MARKDOWN, Map.of()), yaml);
            assertTrue(e.getMessage().contains("not accepted"), e.getMessage());
        }
        byte[] nested = (head + "title: Judul\nsources:\n  uu-39:\n    title: Undang-Undang 39/1999\n    publisher: DPR\n"
                + "    date: 1999-09-23\n    url: https://example.org/uu\n---\n# A\nTeks.\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("Judul", read(nested, DocumentFormat.MARKDOWN, Map.of()).metadata().title(), "nested maps of plain values still read");
    }

    @Test
    void a_runaway_metadata_value_is_refused_with_the_field_named() {
        String title = "Judul ".repeat(700_000);
        byte[] markdown = ("---\nid: contoh\ntitle: " + title + "\nkind: guide\nlanguage: id\nsource: Uji\nurl: https://example.org/c\n---\n"
                + "# A\nTeks.\n").getBytes(StandardCharsets.UTF_8);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> read(markdown, DocumentFormat.MARKDOWN, Map.of()));
        assertTrue(e.getMessage().contains("'title'") && e.getMessage().contains("at most 300"), e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
    }

    private KnowledgeDocument read(byte[] content, DocumentFormat format, Map<String, String> declared) throws InvalidDocumentException {
        return reader.read("contoh" + format.extension(), content, format, declared, Instant.EPOCH);
    }
}
