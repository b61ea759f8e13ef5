package io.myriad.kernel.decide;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecisionRequestTest
{
    @Test
    void shouldPutTheTimeContextTheFactsAndTheActionsInItsPrompt()
    {
        final DecisionRequest request = AnswerCacheTest.request(3, 2.25);
        assertEquals("""
            It is t = 12.5 s; your last decision was 10 s ago.
            What you know:
            - x: 2.25
            Choose one action:
            - up: go up (amount 0 to 10)
            - stay: stay
            Answer with JSON only: {"action": "<one of the actions>", "amount": <a number>, \
            "reason": "<a few words>"}""", request.prompt());
        assertEquals(2.25, request.fact("x"));
        assertThrows(IllegalArgumentException.class, () -> request.fact("y"));
    }

    @Test
    void shouldSayWhenItIsTheFirstDecision()
    {
        final DecisionRequest first = new DecisionRequest(0, 1, 0.0, Double.NaN, new double[] { 1 },
            AnswerCacheTest.DELIBERATION);
        assertEquals("It is t = 0 s; this is your first decision.", first.prompt().lines().findFirst().orElseThrow());
    }
}
