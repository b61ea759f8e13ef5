package io.myriad.tools;

import java.io.IOException;
import java.io.PrintWriter;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

import io.myriad.kernel.control.Control;

/**
 * Keys on a terminal while {@code myriad run} runs: space pauses and resumes, {@code +} and {@code -} double and
 * halve the time scale ({@code -} from flat out goes to real time), {@code s} pauses and runs one step, {@code q}
 * stops cleanly (the journal closed, the summary written). A thread of its own reads the keys in raw mode (JLine,
 * through {@code stty}, no native code) and hands them to the run's {@link Control}; nothing here touches the
 * simulation itself. Keys only decide when steps run, so they never change results.
 */
final class TerminalKeys implements AutoCloseable
{
    /** Set to false to keep a terminal's keys from a run, true to take them even when stdin seems not a terminal. */
    static final String KEYS_PROP_NAME = "myriad.keys";
    private static final long READ_TIMEOUT_MS = 100;

    private final Terminal terminal;
    private final Attributes saved;
    private final Thread reader;
    private volatile boolean closed;

    private TerminalKeys(final Terminal terminal, final Control control)
    {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.reader = new Thread(() -> read(control), "myriad-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param control the run's control surface.
     * @param err     where to say which keys do what.
     * @return the keys, reading; or null when standard input is not a terminal.
     */
    static TerminalKeys attach(final Control control, final PrintWriter err)
    {
        final String told = System.getProperty(KEYS_PROP_NAME);
        if (told != null ? !Boolean.parseBoolean(told) : System.console() == null)
        {
            return null;
        }
        try
        {
            final Terminal terminal = TerminalBuilder.builder().system(true).exec(true).jni(false).ffm(false)
                .dumb(false).build();
            err.println("keys: space pause/resume, + faster, - slower, s step, q stop");
            err.flush();
            return new TerminalKeys(terminal, control);
        }
        catch (final IOException | IllegalStateException ex)
        {
            return null; // no terminal to read keys from: the run goes on without them
        }
    }

    /**
     * Carries out one key.
     *
     * @param key     the key's character.
     * @param control the run's control surface.
     * @return true if the key means something.
     */
    static boolean apply(final int key, final Control control)
    {
        final Control.Status status = control.status();
        switch (key)
        {
            case ' ' ->
            {
                if (status.paused())
                {
                    control.resume();
                }
                else
                {
                    control.pause();
                }
            }
            case '+', '=' ->
            {
                if (status.timeScale() > 0)
                {
                    control.timeScale(status.timeScale() * 2);
                }
            }
            case '-', '_' -> control.timeScale(status.timeScale() > 0 ? status.timeScale() / 2 : 1.0);
            case 's', 'S' ->
            {
                control.pause();
                control.step(1);
            }
            case 'q', 'Q' -> control.stop();
            default ->
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops reading and gives the terminal back as it was.
     */
    public void close()
    {
        closed = true;
        try
        {
            reader.join(2 * READ_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        terminal.setAttributes(saved);
        try
        {
            terminal.close();
        }
        catch (final IOException ignore)
        {
            // the terminal's attributes are restored; closing its streams can fail harmlessly
        }
    }

    private void read(final Control control)
    {
        final NonBlockingReader keys = terminal.reader();
        while (!closed)
        {
            try
            {
                final int key = keys.read(READ_TIMEOUT_MS);
                if (key < 0 && key != NonBlockingReader.READ_EXPIRED)
                {
                    return;
                }
                apply(key, control);
            }
            catch (final IOException ex)
            {
                return;
            }
            catch (final IllegalArgumentException ex)
            {
                // a time scale doubled past what a double holds: the key does nothing, the keys go on
            }
        }
    }
}
