package bhr.assistant.admin;

import bhr.assistant.TestFiles;
import bhr.assistant.kb.DocumentFormat;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest implements TestPropertyProvider {

    private static final String TOKEN = "uji-token-admin";
    private static final String DOCX = DocumentFormat.DOCX.contentType();

    private Path kbDir;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        try {
            kbDir = Files.createTempDirectory("bhr-kb");
            try (Stream<Path> fixture = Files.list(Path.of("src/test/resources/kb-fixture"))) {
                for (Path file : fixture.toList()) {
                    if (!file.getFileName().toString().equals("rusak.md")) {
                        Files.copy(file, kbDir.resolve(file.getFileName()));
                    }
                }
            }
            return Map.of(
                    "kb.dir", kbDir.toString(),
                    "kb.watch-interval-millis", "200",
                    "data.dir", Files.createTempDirectory("bhr-data").toString(),
                    "admin.token", TOKEN,
                    "admin.max-upload-bytes", "200000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void admin_calls_need_the_right_bearer_token() throws IOException {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.GET("/admin/status"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, missing.getStatus());
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.GET("/admin/status").bearerAuth("salah"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        HttpClientResponseException wrongDelete = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.DELETE("/admin/documents/perpres-contoh").bearerAuth("salah"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, wrongDelete.getStatus());

        Map<String, Object> status = admin(HttpRequest.GET("/admin/status"));
        assertTrue(((Number) status.get("documents")).intValue() >= 3);
        assertFalse(((String) status.get("contentHash")).isBlank());
    }

    @Test
    void status_lists_passages_whose_dated_statements_are_due_for_re_checking() throws Exception {
        String thisMonth = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        upload("bertanggal", "text/markdown", ("---\nid: bertanggal\ntitle: Dokumen Bertanggal\nkind: guide\nlanguage: id\n"
                + "source: Uji\nurl: https://example.org/tgl\nstatus: berlaku\n---\n# Lama\nPer: 2020-03\n\nAturan itu masih rancangan.\n\n"
                + "# Baru\nPer: " + thisMonth + "\n\nAturan lain masih dibahas.\n").getBytes(StandardCharsets.UTF_8), "");

        List<Map<String, Object>> stale = list(admin(HttpRequest.GET("/admin/status")).get("stale"));

        assertTrue(stale.stream().anyMatch(passage -> passage.get("passageId").equals("bertanggal#lama") && passage.get("asOf").equals("2020-03")),
                stale.toString());
        assertTrue(stale.stream().noneMatch(passage -> passage.get("passageId").equals("bertanggal#baru")), stale.toString());
    }

    @Test
    void every_format_can_be_uploaded_and_answers_at_once() throws Exception {
        upload("unggah-md", "text/markdown", ("---\nid: unggah-md\ntitle: Dokumen Markdown Unggahan\nkind: guide\nlanguage: id\n"
                + "source: Uji\nurl: https://example.org/md\nstatus: berlaku\n---\n# Kopi\nPetani kopi zamrudmarkdown wajib dilindungi.\n")
                .getBytes(StandardCharsets.UTF_8), "");
        upload("unggah-txt", "text/plain", "BAB I\nUMUM\n\nPasal 1\nPetani kakao zamrudteks berhak atas upah layak.\n"
                .getBytes(StandardCharsets.UTF_8), "?title=Teks%20Unggahan&url=https://example.org/txt&source=Uji");
        upload("unggah-html", "text/html; charset=utf-8", ("<html><head><title>HTML Unggahan</title></head><body>"
                + "<h1>Nelayan</h1><p>Nelayan zamrudhtml perlu kontrak kerja tertulis.</p></body></html>").getBytes(StandardCharsets.UTF_8),
                "?url=https://example.org/html");
        upload("unggah-pdf", "application/pdf", TestFiles.pdf("Penambang zamrudpdf perlu alat pelindung diri."),
                "?title=PDF%20Unggahan&url=https://example.org/pdf");
        upload("unggah-docx", DOCX, TestFiles.docx("Heading1", "Penenun", null, "Penenun zamruddocx berhak cuti haid."), "?title=DOCX%20Unggahan&url=https://example.org/docx");

        for (String word : List.of("zamrudmarkdown", "zamrudteks", "zamrudhtml", "zamrudpdf", "zamruddocx")) {
            Map<String, Object> answer = ask(word);
            assertEquals(Boolean.TRUE, answer.get("found"), word);
            List<Map<String, Object>> citations = list(answer.get("citations"));
            assertTrue(((String) citations.get(0).get("documentId")).startsWith("unggah-"), word);
        }
        Map<String, Object> pdfDocument = map(client.toBlocking().retrieve("/api/documents/unggah-pdf"));
        List<Map<String, Object>> passages = list(pdfDocument.get("passages"));
        assertEquals("Halaman 1", passages.get(0).get("section"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"corrupt-pdf", "fake-pdf-header", "unsupported-type", "no-type", "too-large", "bad-id", "empty",
            "no-text", "metadata-missing", "id-mismatch", "docx-garbage", "binary-as-text"})
    void refused_uploads_change_nothing(String refusal) throws Exception {
        Map<String, Object> before = admin(HttpRequest.GET("/admin/status"));
        String documentsBefore = client.toBlocking().retrieve("/api/documents");

        MutableHttpRequest<byte[]> request = switch (refusal) {
            case "corrupt-pdf" -> put("ditolak", "application/pdf", "bukan pdf".getBytes(StandardCharsets.UTF_8), "?title=T&url=https://x.org");
            case "fake-pdf-header" -> put("ditolak", "application/pdf", "%PDF-1.7 rusak total".getBytes(StandardCharsets.UTF_8), "?title=T&url=https://x.org");
            case "unsupported-type" -> put("ditolak", "application/zip", new byte[]{1, 2, 3}, "");
            case "no-type" -> put("ditolak", null, "teks".getBytes(StandardCharsets.UTF_8), "");
            case "too-large" -> put("ditolak", "text/plain", "a ".repeat(150_000).getBytes(StandardCharsets.UTF_8), "?title=T&url=https://x.org");
            case "bad-id" -> put("Bukan_ID", "text/plain", "teks".getBytes(StandardCharsets.UTF_8), "?title=T&url=https://x.org");
            case "empty" -> put("ditolak", "text/plain", new byte[0], "?title=T&url=https://x.org");
            case "no-text" -> put("ditolak", "application/pdf", TestFiles.blankPdf(), "?title=T&url=https://x.org");
            case "metadata-missing" -> put("ditolak", "text/plain", "Teks tanpa url.".getBytes(StandardCharsets.UTF_8), "?title=T");
            case "id-mismatch" -> put("ditolak", "text/markdown", ("---\nid: lain\ntitle: T\nkind: guide\nlanguage: id\nsource: S\n"
                    + "url: https://x.org\n---\n# A\nTeks.\n").getBytes(StandardCharsets.UTF_8), "");
            case "docx-garbage" -> put("ditolak", DOCX, "PK\u0003\u0004rusak".getBytes(StandardCharsets.ISO_8859_1), "?title=T&url=https://x.org");
            case "binary-as-text" -> put("ditolak", "text/markdown", TestFiles.pdf("isi"), "?title=T&url=https://x.org");
            default -> throw new IllegalArgumentException(refusal);
        };
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));

        assertTrue(List.of(400, 413, 415).contains(e.getStatus().getCode()), refusal + ": " + e.getStatus());
        Map<String, Object> error = map(e.getResponse().getBody(String.class).orElseThrow());
        assertFalse(((String) error.get("error")).isBlank());
        Map<String, Object> after = admin(HttpRequest.GET("/admin/status"));
        assertEquals(before.get("contentHash"), after.get("contentHash"), refusal);
        assertEquals(before.get("revision"), after.get("revision"), refusal);
        assertEquals(documentsBefore, client.toBlocking().retrieve("/api/documents"), refusal);
    }

    @Test
    void path_like_ids_never_reach_the_file_system() {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "..", "a%2Fb", "%2E%2E")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                    client.toBlocking().exchange(put(id, "text/plain", "teks".getBytes(StandardCharsets.UTF_8), "?title=T&url=https://x.org"), String.class));
            assertTrue(e.getStatus().getCode() == 400 || e.getStatus().getCode() == 404, id + ": " + e.getStatus());
        }
    }

    @Test
    void replace_then_restore_brings_back_the_previous_version_and_history_records_both() throws Exception {
        upload("pulih", "text/plain", "Versi pertama menyebut zamrudsatu.".getBytes(StandardCharsets.UTF_8), "?title=Pulih&url=https://x.org/p");
        upload("pulih", "text/plain", "Versi kedua menyebut zamruddua.".getBytes(StandardCharsets.UTF_8), "?title=Pulih&url=https://x.org/p");
        assertEquals(Boolean.FALSE, ask("zamrudsatu").get("found"));

        admin(HttpRequest.POST("/admin/documents/pulih/restore", ""));

        assertEquals(Boolean.TRUE, ask("zamrudsatu").get("found"));
        assertEquals(Boolean.FALSE, ask("zamruddua").get("found"));
        List<Map<String, Object>> history = list(json.readValue(client.toBlocking().retrieve(
                HttpRequest.GET("/admin/history?id=pulih").bearerAuth(TOKEN)), Object.class));
        assertEquals(List.of("restore", "upload", "upload"), history.stream().map(entry -> entry.get("action")).toList());
        assertEquals(history.get(1).get("oldHash"), history.get(2).get("newHash"));
        assertEquals(history.get(0).get("newHash"), history.get(2).get("newHash"));
    }

    @Test
    void deleting_a_bundled_document_hides_it_and_restore_brings_it_back() throws Exception {
        Map<String, Object> deleted = admin(HttpRequest.DELETE("/admin/documents/rancangan-contoh"));
        assertEquals(Boolean.TRUE, deleted.get("deleted"));
        assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve("/api/documents/rancangan-contoh"));

        admin(HttpRequest.POST("/admin/documents/rancangan-contoh/restore", ""));
        assertTrue(client.toBlocking().retrieve("/api/documents/rancangan-contoh").contains("rancangan-contoh"));

        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.DELETE("/admin/documents/tidak-ada").bearerAuth(TOKEN), String.class));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    }

    @Test
    void answers_are_served_without_error_during_concurrent_reindexing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean reindexing = new AtomicBoolean(true);
        List<Future<Integer>> askers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            askers.add(pool.submit(() -> {
                int answered = 0;
                while (reindexing.get()) {
                    Map<String, Object> answer = ask("Siapa yang membentuk gugus tugas daerah?");
                    assertEquals(Boolean.TRUE, answer.get("found"));
                    answered++;
                }
                return answered;
            }));
        }
        for (int i = 0; i < 15; i++) {
            admin(HttpRequest.POST("/admin/reindex", ""));
        }
        reindexing.set(false);
        int total = 0;
        for (Future<Integer> asker : askers) {
            total += asker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(total > 0);
    }

    @Test
    void a_file_added_to_the_knowledge_base_directory_is_served_within_seconds() throws Exception {
        Files.writeString(kbDir.resolve("panas.md"), "---\nid: panas\ntitle: Dokumen Baru\nkind: guide\nlanguage: id\nsource: Uji\n"
                + "url: https://x.org/panas\n---\n# Baru\nKebun zamrudpanas mempekerjakan buruh harian.\n");
        Files.writeString(kbDir.resolve("patah.md"), "---\nid: patah\n---\n# Tanpa metadata\nTeks.\n");

        long deadline = System.currentTimeMillis() + 10_000;
        while (!Boolean.TRUE.equals(ask("zamrudpanas").get("found")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(Boolean.TRUE, ask("zamrudpanas").get("found"));
        List<Map<String, Object>> skipped = list(admin(HttpRequest.GET("/admin/status")).get("skipped"));
        assertTrue(skipped.stream().anyMatch(problem -> problem.get("file").equals("patah.md")), skipped.toString());
    }

    @Test
    void unanswered_questions_are_listed_by_frequency() throws Exception {
        ask("Berapa harga tiket kereta ke Surabaya?");
        ask("berapa harga tiket kereta ke surabaya");
        ask("Resep nasi goreng kampung?");

        List<Map<String, Object>> gaps = list(json.readValue(client.toBlocking().retrieve(
                HttpRequest.GET("/admin/unanswered").bearerAuth(TOKEN)), Object.class));
        assertEquals(2, ((Number) gaps.get(0).get("count")).intValue());
        assertTrue(((String) gaps.get(0).get("question")).toLowerCase().contains("tiket kereta"));
    }

    @Test
    void every_version_is_listed_and_any_one_can_be_restored_by_its_number() throws Exception {
        upload("berversi", "text/plain", "Versi pertama menyebut zamrudversisatu.".getBytes(StandardCharsets.UTF_8), "?title=Versi%20Satu&url=https://x.org/v");
        upload("berversi", "text/plain", "Versi kedua menyebut zamrudversidua.".getBytes(StandardCharsets.UTF_8), "?title=Versi%20Dua&url=https://x.org/v");

        Map<String, Object> versions = admin(HttpRequest.GET("/admin/documents/berversi/versions"));
        assertEquals(2, ((Number) versions.get("current")).intValue());
        List<Map<String, Object>> list = list(versions.get("versions"));
        assertEquals(List.of(2, 1), list.stream().map(v -> ((Number) v.get("number")).intValue()).toList());
        assertEquals("Versi Satu", this.<Map<String, Object>>cast(list.get(1).get("metadata")).get("title"));
        assertEquals(64, ((String) list.get(1).get("hash")).length());
        assertEquals(AdminController.ACTOR, list.get(1).get("by"));

        Map<String, Object> restored = admin(HttpRequest.POST("/admin/documents/berversi/restore?to=1", ""));
        assertEquals(1, ((Number) restored.get("restored")).intValue());
        assertEquals(Boolean.TRUE, ask("zamrudversisatu").get("found"));
        assertEquals(1, ((Number) admin(HttpRequest.GET("/admin/documents/berversi/versions")).get("current")).intValue());

        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.POST("/admin/documents/berversi/restore?to=7", "")).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refusal(HttpRequest.POST("/admin/documents/berversi/restore?to=dua", "")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/admin/documents/tidak-pernah-ada/versions")).getStatus());
        Map<String, Object> bundled = admin(HttpRequest.GET("/admin/documents/perpres-contoh/versions"));
        assertEquals(Boolean.TRUE, this.<Map<String, Object>>cast(list(bundled.get("versions")).get(0)).get("bundled"));
    }

    @Test
    void the_same_bytes_under_two_ids_are_both_served_listed_and_deletable() throws Exception {
        byte[] same = "Dokumen kembar menyebut zamrudkembarhttp.".getBytes(StandardCharsets.UTF_8);
        upload("kembar-satu", "text/plain", same, "?title=Kembar&url=https://x.org/kembar");
        upload("kembar-dua", "text/plain", same, "?title=Kembar&url=https://x.org/kembar");
        admin(HttpRequest.POST("/admin/reindex", ""));

        String listed = client.toBlocking().retrieve("/api/documents");
        assertTrue(listed.contains("\"kembar-satu\"") && listed.contains("\"kembar-dua\""), listed);
        assertTrue(client.toBlocking().retrieve("/api/documents/kembar-satu").contains("zamrudkembarhttp"));
        admin(HttpRequest.DELETE("/admin/documents/kembar-satu"));
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/documents/kembar-satu")).getStatus());
        assertTrue(client.toBlocking().retrieve("/api/documents/kembar-dua").contains("zamrudkembarhttp"));
        admin(HttpRequest.DELETE("/admin/documents/kembar-dua"));
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/documents/kembar-dua")).getStatus());
    }

    @Test
    void a_change_based_on_a_stale_revision_gets_409_and_changes_nothing() throws Exception {
        upload("basi", "text/plain", "Dokumen zamrudbasi.".getBytes(StandardCharsets.UTF_8), "?title=Basi&url=https://x.org/basi");
        long seen = ((Number) admin(HttpRequest.GET("/admin/status")).get("revision")).longValue();
        upload("basi-lain", "text/plain", "Perubahan orang lain.".getBytes(StandardCharsets.UTF_8), "?title=Lain&url=https://x.org/lain");

        HttpClientResponseException stale = refusal(HttpRequest.DELETE("/admin/documents/basi?revision=" + seen));

        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
        assertTrue(stale.getResponse().getBody(String.class).orElse("").contains("changed meanwhile"));
        assertEquals(Boolean.TRUE, ask("zamrudbasi").get("found"));
        long now = ((Number) admin(HttpRequest.GET("/admin/status")).get("revision")).longValue();
        assertEquals(Boolean.TRUE, admin(HttpRequest.DELETE("/admin/documents/basi?revision=" + now)).get("deleted"));
    }

    @Test
    void delete_and_post_calls_accept_any_content_type() {
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.DELETE("/admin/documents/tidak-ada").contentType(MediaType.TEXT_PLAIN)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.POST("/admin/documents/tidak-ada/restore", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)).getStatus());
        HttpResponse<String> reindex = client.toBlocking().exchange(HttpRequest.POST("/admin/reindex", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bearerAuth(TOKEN), String.class);
        assertEquals(HttpStatus.OK, reindex.getStatus());
    }

    @Test
    void status_shows_the_bytes_the_stored_data_uses() throws Exception {
        Map<String, Object> storage = cast(admin(HttpRequest.GET("/admin/status")).get("storage"));
        assertTrue(((Number) storage.get("bytesUsed")).longValue() > 0, storage.toString());
        assertTrue(((Number) storage.get("bytesFree")).longValue() > 0, storage.toString());
    }

    @Test
    void metadata_with_a_yaml_tag_is_refused() throws Exception {
        String markdown = "---\nid: bertanda\ntitle: !!python/object:os.system Judul\nkind: guide\nlanguage: id\nsource: S\n"
                + "url: https://x.org/t\n---\n# A\nTeks.\n";
        HttpClientResponseException e = refusal(put("bertanda", "text/markdown", markdown.getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("tag"));
    }

    // ---- helpers

    private void upload(String id, String contentType, byte[] content, String query) throws IOException {
        HttpResponse<String> response = client.toBlocking().exchange(put(id, contentType, content, query), String.class);
        assertEquals(HttpStatus.OK, response.getStatus(), response.body());
        assertEquals(id, map(response.body()).get("id"));
    }

    private MutableHttpRequest<byte[]> put(String id, String contentType, byte[] content, String query) {
        MutableHttpRequest<byte[]> request = HttpRequest.PUT("/admin/documents/" + id + query, content).bearerAuth(TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private Map<String, Object> admin(MutableHttpRequest<?> request) throws IOException {
        return map(client.toBlocking().retrieve(request.bearerAuth(TOKEN)));
    }

    private Map<String, Object> ask(String question) throws IOException {
        return map(client.toBlocking().retrieve(HttpRequest.POST("/api/ask", "{\"question\": \"" + question + "\"}")
                .contentType(MediaType.APPLICATION_JSON)));
    }

    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request.bearerAuth(TOKEN), String.class));
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
