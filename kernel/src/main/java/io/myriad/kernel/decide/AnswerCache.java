package io.myriad.kernel.decide;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * Answers kept in a file, keyed by a SHA-256 of the decider's identity, the deliberation and the request's exact
 * values ({@link #key}): a re-run with the same seed asks the same questions and finds their answers here instead
 * of calling the decider (an LLM) again. Append-only records, flushed one by one; a record torn by a crash is cut off
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
    private final Map<String, Answer> answers;
    private final DataOutputStream out;

    private AnswerCache(final Path file, final Map<String, Answer> answers, final DataOutputStream out)
    {
        this.file = file;
        this.answers = answers;
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
            final Map<String, Answer> answers = new ConcurrentHashMap<>();
            long valid = 0;
            if (Files.exists(file) && Files.size(file) > 0)
            {
                valid = load(file, answers);
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
            if (valid == 0)
            {
                out.write(MAGIC);
                out.flush();
            }
            return new AnswerCache(file, answers, out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the answer cache " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param identity the decider's identity.
     * @param request  the request.
     * @return the key of its answer: a SHA-256 of the decider's identity, the deliberation (its situation, facts,
     *         actions and {@link Deliberation#version() version}) and the request's exact values (its time, the time
     *         of the last decision and every fact, as raw bits; not its id), so that only the same question of the
     *         same model to the same decider finds an answer.
     */
    public static String key(final String identity, final DecisionRequest request)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            final Deliberation deliberation = request.deliberation();
            text(digest, identity);
            text(digest, deliberation.situation());
            text(digest, String.join(",", deliberation.facts()));
            for (final DecisionAction action : deliberation.actions())
            {
                text(digest, action.toString());
            }
            text(digest, deliberation.version());
            final ByteBuffer values = ByteBuffer.allocate(Double.BYTES * (2 + deliberation.facts().size()));
            values.putDouble(request.time()).putDouble(request.lastDecision());
            for (int f = 0; f < deliberation.facts().size(); f++)
            {
                values.putDouble(request.fact(f));
            }
            digest.update(values.array());
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("this JDK has no SHA-256", ex);
        }
    }

    private static void text(final MessageDigest digest, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
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
            final byte[] whole = AnswerDescriptor.utf8(answer.text());
            // as long as the journal keeps an answer's text, and no longer than load takes
            final byte[] text = whole.length <= AnswerDescriptor.MAX_TEXT ? whole :
                Arrays.copyOf(whole, AnswerDescriptor.MAX_TEXT);
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
     * Reads a cache file's whole records into {@code answers}.
     *
     * @return bytes of whole records, magic included; 0 for a file torn inside its magic.
     */
    private static long load(final Path file, final Map<String, Answer> answers) throws IOException
    {
        try (InputStream raw = Files.newInputStream(file);
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw)))
        {
            final byte[] magic = new byte[MAGIC.length];
            final int read = in.readNBytes(magic, 0, magic.length);
            if (read < magic.length && Arrays.equals(magic, 0, read, MAGIC, 0, read))
            {
                return 0; // torn while it was being started: start it again
            }
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
                    if (length < 0 || length > AnswerDescriptor.MAX_TEXT)
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
