package bhr.assistant.update;

import bhr.assistant.kb.DocumentFormat;

import java.util.Map;

/**
 * A document an admin sends: its id (from the URL), the bytes, the format its Content-Type declares, and the
 * metadata given beside it (query parameters).
 */
public record Upload(String id, byte[] content, DocumentFormat format, Map<String, String> declared) {

    public Upload {
        declared = Map.copyOf(declared);
    }
}
