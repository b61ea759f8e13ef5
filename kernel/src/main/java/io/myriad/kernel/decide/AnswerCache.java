package io.myriad.kernel.decide;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept in a file, keyed by a SHA-256 of the decider's identity, the deliberation's situation and the
 * request's prompt: a re-run with the same seed asks the same questions and finds their answers here instead of
 * calling the decider (an LLM) again. Append-only records, flushed one by one; a record torn by a crash is cut off
 * when the file is opened again. Thread-safe.
 * <pre>
 *   file:   "MYRIAD-ANSWERS 1\n", then records
 *   record: key (32 bytes) | action (int32) | amount (float64) | text length (int32) | text (UTF-8), big-endian
 * </pre>
 */
public final class AnswerCache implements AutoCloseable
{
    private static final byte[] MAGIC = "MYRIAD-ANSWERS 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;

    private final Path file;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final DataOutputStream out;

    private AnswerCache(final Path file, final DataOutputStream out)
    {
        this.file = file;
        this.out = out;
    }

    /**
     * Reads the file, or starts it if there is none.
     *
     * @param file the cache's file.
     * @return the cache, open for new answers.
     * @throws UncheckedIOException if it cannot be read or written, or is not a cache file.
     */
    public static AnswerCache open(final Path file)
    {
        try
        {
            final boolean exists = Files.exists(file) && Files.size(file) > 0;
            final AnswerCache cache = new AnswerCache(file, null);
            if (exists)
            {
                final long valid = cache.load();
                if (valid < Files.size(file))
                {
                    // a record torn by a crash: cut it off, so that new records follow whole ones
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                    {
                        channel.truncate(valid);
                    }
                }
            }
            if (file.getParent() != null)
            {
                Files.createDirectories(file.getParent());
            }
            final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
            if (!exists)
            {
                out.write(MAGIC);
                out.flush();
            }
            final AnswerCache opened = new AnswerCache(file, out);
            opened.answers.putAll(cache.answers);
            return opened;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the answer cache " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param identity the decider's identity.
     * @param request  the request.
     * @return the key of its answer: the same for the same decider, situation and prompt.
     */
    public static String key(final String identity, final DecisionRequest request)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(identity.getBytes(StandardCharsets.UTF_8));
            digest.update((byte)0);
            digest.update(request.deliberation().situation().getBytes(StandardCharsets.UTF_8));
            digest.update((byte)0);
            digest.update(request.prompt().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("this JDK has no SHA-256", ex);
        }
    }

    /**
     * @param key a key from {@link #key}.
     * @return the answer kept for it, its tokens 0 (a cached answer uses none), or null.
     */
    public Answer get(final String key)
    {
        return answers.get(key);
    }

    /**
     * Keeps an answer, in memory and in the file.
     *
     * @param key    its key.
     * @param answer the answer.
     */
    public synchronized void put(final String key, final Answer answer)
    {
        final Answer kept = new Answer(answer.action(), answer.amount(), answer.text(), 0, 0);
        if (answers.putIfAbsent(key, kept) != null)
        {
            return;
        }
        try
        {
            final byte[] text = AnswerDescriptor.utf8(answer.text());
            out.write(HexFormat.of().parseHex(key));
            out.writeInt(answer.action());
            out.writeDouble(answer.amount());
            out.writeInt(text.length);
            out.write(text);
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot add to the answer cache " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return answers kept.
     */
    public int size()
    {
        return answers.size();
    }

    @Override
    public synchronized void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close the answer cache " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return bytes of whole records, magic included.
     */
    private long load() throws IOException
    {
        try (InputStream raw = Files.newInputStream(file);
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw)))
        {
            final byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC))
            {
                throw new IOException("it is not an answer cache (it does not start with MYRIAD-ANSWERS 1); " +
                    "name another file, or remove this one");
            }
            final byte[] key = new byte[KEY_LENGTH];
            long valid = MAGIC.length;
            while (true)
            {
                try
                {
                    in.readFully(key);
                    final int action = in.readInt();
                    final double amount = in.readDouble();
                    final int length = in.readInt();
                    if (length < 0 || length > AnswerDescriptor.MAX_TEXT * 4)
                    {
                        return valid; // a damaged tail: keep what came before
                    }
                    final byte[] text = new byte[length];
                    in.readFully(text);
                    answers.put(HexFormat.of().formatHex(key),
                        new Answer(action, amount, new String(text, StandardCharsets.UTF_8), 0, 0));
                    valid += KEY_LENGTH + Integer.BYTES + Double.BYTES + Integer.BYTES + length;
                }
                catch (final EOFException ex)
                {
                    return valid;
                }
            }
        }
    }
}
