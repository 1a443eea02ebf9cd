package bhr.assistant.http;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product as shipped: the bundled knowledge base answers the questions the README and the bot offer. */
@MicronautTest(startApplication = false)
class BundledKnowledgeBaseTest {

    @Inject
    AnswerService answers;

    @Test
    void what_is_stranas_bham_is_answered_from_the_regulation() {
        Answer answer = answers.ask(Question.of("Apa itu Stranas BHAM?"));

        assertTrue(answer.found(), answer.answer());
        assertTrue(answer.citations().stream().anyMatch(c -> c.documentId().equals("stranas-bham")),
                "cites the Stranas BHAM document: " + answer.citations().stream().map(Citation::passageId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void every_example_question_offered_to_users_is_answered(String language) {
        for (String example : answers.exampleQuestions(language)) {
            Answer answer = answers.ask(Question.of(example));
            assertTrue(answer.found(), "example not answered: " + example);
            assertEquals(language, answer.language(), example);
        }
    }
}
