package bhr.assistant.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunksTest {

    @Test
    void pieces_are_joined_until_the_next_would_not_fit() {
        assertEquals(List.of("aaa\n\nbb", "cccc"), Chunks.pack(List.of("aaa", "bb", "cccc"), "\n\n", 7));
        assertEquals(List.of("aaa\nbb\nc"), Chunks.pack(List.of("aaa", "bb", "c"), "\n", 8));
    }

    @Test
    void a_piece_longer_than_the_limit_stands_alone_and_no_chunk_is_empty() {
        assertEquals(List.of("toolongpiece", "ok"), Chunks.pack(List.of("toolongpiece", "ok"), "\n\n", 5));
        assertEquals(List.of(), Chunks.pack(List.of(), "\n", 5));
    }
}
