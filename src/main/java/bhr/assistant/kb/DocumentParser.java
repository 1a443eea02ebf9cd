package bhr.assistant.kb;

/** Reads the bytes of one file in one format into sections. One implementation per format. */
interface DocumentParser {

    ParsedContent parse(byte[] content) throws InvalidDocumentException;
}
