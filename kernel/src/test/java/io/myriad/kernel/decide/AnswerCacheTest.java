package io.myriad.kernel.decide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.myriad.kernel.event.NextDecision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCacheTest
{
    static final Deliberation DELIBERATION = new Deliberation()
    {
        public String situation()
        {
            return "You test.";
        }

        public List<String> facts()
        {
            return List.of("x");
        }

        public List<DecisionAction> actions()
        {
            return List.of(new DecisionAction("up", 1, "go up", 0, 10), new DecisionAction("stay", 2, "stay", 0, 0));
        }

        public DecisionMode mode()
        {
            return DecisionMode.MODELLED;
        }

        public NextDecision latency()
        {
            return NextDecision.periodic(1);
        }

        public Answer fallback(final DecisionRequest request)
        {
            return Answer.of(1, 0, "fallback");
        }
    };

    @TempDir
    Path temp;

    @Test
    void shouldKeepAnswersAcrossOpeningsAndCutATornRecordOff() throws IOException
    {
        final Path file = temp.resolve("answers.bin");
        final DecisionRequest asked = request(0, 3.0);
        final String key = AnswerCache.key("scripted", asked);
        assertEquals(key, AnswerCache.key("scripted", request(7, 3.0)), "the id is not the content");
        assertNotEquals(key, AnswerCache.key("scripted", request(0, 4.0)));
        assertNotEquals(key, AnswerCache.key("http m at u", asked));
        try (AnswerCache cache = AnswerCache.open(file))
        {
            assertNull(cache.get(key));
            cache.put(key, new Answer(0, 2.5, "go up a bit: é", 100, 20));
        }
        Files.write(file, new byte[] { 1, 2, 3 }, StandardOpenOption.APPEND);
        try (AnswerCache cache = AnswerCache.open(file))
        {
            assertEquals(new Answer(0, 2.5, "go up a bit: é", 0, 0), cache.get(key), "a cached answer uses no tokens");
            cache.put(AnswerCache.key("scripted", request(0, 5.0)), Answer.of(1, 0, "stay"));
        }
        try (AnswerCache cache = AnswerCache.open(file))
        {
            assertEquals(2, cache.size(), "the torn bytes were cut off before the second answer went in");
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotACache() throws IOException
    {
        final Path file = temp.resolve("notes.txt");
        Files.writeString(file, "shopping list: milk, bread, and more words than the magic");
        final UncheckedIOException ex = assertThrows(UncheckedIOException.class, () -> AnswerCache.open(file));
        assertTrue(ex.getMessage().contains("it is not an answer cache"), ex.getMessage());
        assertTrue(ex.getMessage().contains(file.toString()), ex.getMessage());
    }

    static DecisionRequest request(final long id, final double x)
    {
        return new DecisionRequest(id, 4, 12.5, 2.5, new double[] { x }, DELIBERATION);
    }
}
