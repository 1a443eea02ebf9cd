package bhr.assistant.kb;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: a text file in another encoding is refused with a reason, not silently garbled. */
final class TextDecoding {

    private TextDecoding() {
    }

    static String utf8(byte[] content) throws InvalidDocumentException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDocumentException("text is not valid UTF-8");
        }
    }
}
