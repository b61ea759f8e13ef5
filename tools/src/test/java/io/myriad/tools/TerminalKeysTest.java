package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.control.Control;

class TerminalKeysTest
{
    private final List<Double> scales = new ArrayList<>();
    private final Control control = new Control(false);
    private final Control.Target target = new Control.Target()
    {
        public void timeScale(final double scale)
        {
            scales.add(scale);
        }

        public void resumed()
        {
        }

        public boolean input(final int kind, final int agent, final byte[] data)
        {
            return true;
        }

        public boolean injectEvent(
            final double time, final int priority, final int kind, final int agent, final long data)
        {
            throw new AssertionError("keys inject nothing");
        }
    };

    @Test
    void shouldPauseAndResumeOnSpace()
    {
        assertTrue(TerminalKeys.apply(' ', control));
        control.poll(target);
        assertTrue(control.status().paused());
        assertFalse(control.canStep(0.0));

        TerminalKeys.apply(' ', control);
        control.poll(target);
        assertFalse(control.status().paused());
        assertTrue(control.canStep(0.0));
    }

    @Test
    void shouldGoToRealTimeOnMinusFromFlatOutThenDoubleAndHalve()
    {
        TerminalKeys.apply('-', control);
        control.poll(target);
        control.publish(0, 0, 0, 0, 1.0);
        TerminalKeys.apply('+', control);
        control.poll(target);
        control.publish(0, 0, 0, 0, 2.0);
        TerminalKeys.apply('-', control);
        control.poll(target);

        assertEquals(List.of(1.0, 2.0, 1.0), scales);
    }

    @Test
    void shouldPauseAndStepOnceOnS()
    {
        TerminalKeys.apply('s', control);
        control.poll(target);

        assertTrue(control.canStep(0.0), "one step");
        control.stepping();
        assertFalse(control.canStep(0.0), "then paused");
    }

    @Test
    void shouldStopOnQAndIgnoreOtherKeys()
    {
        assertFalse(TerminalKeys.apply('x', control));
        assertTrue(TerminalKeys.apply('q', control));
        control.poll(target);

        assertTrue(control.isStopped());
        assertTrue(control.status().stopped());
    }
}
