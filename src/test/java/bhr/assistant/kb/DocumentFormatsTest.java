package bhr.assistant.kb;

import bhr.assistant.TestFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private KnowledgeDocument read(byte[] content, DocumentFormat format, Map<String, String> declared) throws InvalidDocumentException {
        return reader.read("contoh" + format.extension(), content, format, declared, Instant.EPOCH);
    }
}
