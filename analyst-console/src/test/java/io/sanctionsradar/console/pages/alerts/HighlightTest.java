package io.sanctionsradar.console.pages.alerts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HighlightTest {

    @Test
    void marks_the_words_whose_normalized_form_the_explanation_aligned_and_keeps_the_rest_as_written() {
        List<Highlight.Piece> pieces = Highlight.of("WANG Junzhéng, Jr.", Set.of("wang", "junzheng"));
        assertEquals(List.of(new Highlight.Piece("WANG", true), new Highlight.Piece(" ", false),
                new Highlight.Piece("Junzhéng", true), new Highlight.Piece(", ", false),
                new Highlight.Piece("Jr", false), new Highlight.Piece(".", false)), pieces);
    }

    @Test
    void a_name_in_another_script_is_kept_whole_and_unmarked_when_its_tokens_were_transliterated() {
        assertEquals(List.of(new Highlight.Piece("王君正", false)), Highlight.of("王君正", Set.of("wang", "junzheng")));
        assertEquals(List.of(), Highlight.of(null, Set.of("x")));
    }
}
