package bhr.assistant.answer;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerComposerTest {

    private final AnswerComposer composer = new AnswerComposer(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_time_sensitive_statement_over_a_year_old_says_when_it_was_true() {
        assertEquals(" (per Februari 2025)", composer.asOfNote("2025-02", "Rancangan itu belum ditetapkan.", Messages.forLanguage("id")));
        assertEquals(" (as of February 2025)", composer.asOfNote("2025-02-14", "The draft is still pending.", Messages.forLanguage("en")));
    }

    @Test
    void a_recent_timeless_or_already_dated_statement_gets_no_note() {
        assertEquals("", composer.asOfNote("2026-02", "Rancangan itu belum ditetapkan.", Messages.forLanguage("id")), "recent");
        assertEquals("", composer.asOfNote("2023-05", "PRISMA adalah aplikasi penilaian mandiri.", Messages.forLanguage("id")), "timeless");
        assertEquals("", composer.asOfNote("2025-02", "Per Februari 2025 rancangan itu belum ditetapkan.", Messages.forLanguage("id")),
                "already dated");
        assertEquals("", composer.asOfNote("", "Rancangan itu belum ditetapkan.", Messages.forLanguage("id")), "no date");
    }

    @Test
    void a_source_s_own_footnote_markers_are_not_left_to_look_like_citations() {
        assertEquals("GPS memakai 24 satelit.", AnswerComposer.withoutFootnotes("GPS memakai 24 satelit.[4][12]"));
        assertEquals("Pasal 5 [ayat 2] tetap.", AnswerComposer.withoutFootnotes("Pasal 5 [ayat 2] tetap."));
    }
}
