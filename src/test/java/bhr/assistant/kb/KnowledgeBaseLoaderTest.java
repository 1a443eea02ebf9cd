package bhr.assistant.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseLoaderTest {

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();

    @Test
    void loads_valid_documents_and_reports_each_broken_file_with_its_reason() {
        LoadReport report = loader.load(Path.of("src/test/resources/kb-fixture"));

        assertEquals(List.of("guiding-principles-contoh", "perpres-contoh", "rancangan-contoh"),
                report.documents().stream().map(KnowledgeDocument::id).sorted().toList());
        assertEquals(1, report.problems().size());
        assertEquals("rusak.md", report.problems().get(0).file());
        assertTrue(report.problems().get(0).reason().contains("missing 'url'"));
    }

    @Test
    void a_missing_directory_is_reported_not_thrown() {
        LoadReport report = loader.load(Path.of("does/not/exist"));

        assertTrue(report.documents().isEmpty());
        assertTrue(report.problems().get(0).reason().contains("does not exist"));
    }

    @Test
    void id_must_match_file_name_and_ids_must_be_unique(@TempDir Path directory) throws Exception {
        String body = "---\nid: %s\ntitle: T\nkind: guide\nlanguage: id\nsource: S\nurl: https://example.org\n---\n# A\nTeks.\n";
        Files.writeString(directory.resolve("satu.md"), body.formatted("dua"));
        Files.writeString(directory.resolve("tiga.md"), body.formatted("tiga"));
        Files.writeString(directory.resolve("catatan.json"), "{}");

        LoadReport report = loader.load(directory);

        assertEquals(List.of("tiga"), report.documents().stream().map(KnowledgeDocument::id).toList());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().equals("satu.md") && p.reason().contains("does not match the file name")));
        assertTrue(report.problems().stream().anyMatch(p -> p.file().equals("catatan.json") && p.reason().contains("unsupported")));
    }

    @Test
    void binary_formats_take_metadata_from_a_sidecar(@TempDir Path directory) throws Exception {
        Files.write(directory.resolve("laporan.pdf"), bhr.assistant.TestFiles.pdf("Isi laporan tentang pengaduan."));
        Files.writeString(directory.resolve("laporan.meta.yml"),
                "title: Laporan\nkind: reference\nlanguage: id\nsource: Uji\nurl: https://example.org/laporan\n");

        LoadReport report = loader.load(directory);

        assertEquals(List.of(), report.problems());
        assertEquals("laporan", report.documents().get(0).id());
        assertEquals("Laporan", report.documents().get(0).metadata().title());
    }
}
