package bhr.assistant.http;

import bhr.assistant.kb.Source;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A passage's source as the API shows it: {@code {title, publisher, date, url}} (CONTRACT.md). */
@Serdeable
record SourceView(String title, String publisher, String date, String url) {

    static List<SourceView> of(List<Source> sources) {
        return sources.stream().map(s -> new SourceView(s.title(), s.publisher(), s.date(), s.url())).toList();
    }
}
