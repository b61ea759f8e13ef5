package io.myriad.kernel.journal;

import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayList;

import io.myriad.kernel.KillPoint;

/**
 * Where a reopened journal stands while a resumed run catches up with it: the records the run must produce again
 * before it may append (the journal's own from the resume point on, run ends left out), and how many it has.
 * <p>
 * A resume re-executes the run from a checkpoint. Each record the re-execution produces is {@link #check checked}
 * against the journal's next one (type, tick and checksum) instead of being appended a second time; once the run
 * is past the journal's end, {@link #isCatchingUp()} is false and records are appended again. A record that differs
 * means the re-execution is not the run the journal recorded, and is an error. A new journal has nothing to catch
 * up with. Used by the {@link JournalWriter}'s producer thread only.
 */
final class CatchUp
{
    private static final boolean KILL_POINT_ARMED = KillPoint.isArmed(KillPoint.CATCH_UP);

    private final Path directory;
    private final int[] expectedPositions;
    private final int[] expectedTypes;
    private final long[] expectedTicks;
    private final int[] expectedChecksums;
    private final long existingRecords;
    private final long endedAtTick;
    private final boolean reopened;
    private int expectedNext;
    private long caughtUpTo;

    private CatchUp(final Path directory, final JournalScan resumed, final int fromPosition)
    {
        this.directory = directory;
        this.reopened = resumed != null;
        if (resumed != null)
        {
            existingRecords = resumed.size();
            caughtUpTo = fromPosition;
            final int last = resumed.size() - 1;
            endedAtTick = last >= 0 && resumed.type(last) == RecordType.RUN_END ? resumed.tick(last) : -1;
            final IntArrayList positions = new IntArrayList();
            for (int p = fromPosition; p < resumed.size(); p++)
            {
                if (resumed.type(p) != RecordType.RUN_END)
                {
                    positions.addInt(p);
                }
            }
            expectedPositions = positions.toIntArray();
            expectedTypes = new int[expectedPositions.length];
            expectedTicks = new long[expectedPositions.length];
            expectedChecksums = new int[expectedPositions.length];
            for (int i = 0; i < expectedPositions.length; i++)
            {
                expectedTypes[i] = resumed.type(expectedPositions[i]).id();
                expectedTicks[i] = resumed.tick(expectedPositions[i]);
                expectedChecksums[i] = resumed.checksum(expectedPositions[i]);
            }
        }
        else
        {
            existingRecords = 0;
            endedAtTick = -1;
            expectedPositions = new int[0];
            expectedTypes = expectedPositions;
            expectedTicks = new long[0];
            expectedChecksums = expectedPositions;
        }
    }

    /**
     * @param directory the journal's directory, for messages.
     * @return a new journal's: nothing to catch up with.
     */
    static CatchUp none(final Path directory)
    {
        return new CatchUp(directory, null, 0);
    }

    /**
     * @param resumed      the journal, read.
     * @param fromPosition how many of its records (after the run start) precede the re-execution's first.
     * @return a reopened journal's, with the records from {@code fromPosition} on still to be produced again.
     */
    static CatchUp from(final JournalScan resumed, final int fromPosition)
    {
        return new CatchUp(resumed.directory(), resumed, fromPosition);
    }

    /**
     * @return true if the journal was reopened by a resume, false if it is new.
     */
    boolean isReopened()
    {
        return reopened;
    }

    /**
     * @return true while records the journal already holds remain to be produced again.
     */
    boolean isCatchingUp()
    {
        return expectedNext < expectedPositions.length;
    }

    /**
     * Checks a record produced while {@link #isCatchingUp() catching up} against the journal's next one, and moves
     * on to the one after.
     *
     * @param buffer holding the record, sealed.
     * @param index  the record's first byte.
     * @param length its whole length.
     * @throws JournalException if it is not the record the journal holds there.
     */
    void check(final DirectBuffer buffer, final int index, final int length)
    {
        final int expected = expectedNext;
        final int type = buffer.getShort(index + RecordDescriptor.TYPE_OFFSET) & 0xFFFF;
        final long tick = buffer.getLong(index + RecordDescriptor.TICK_OFFSET);
        final int checksum = buffer.getInt(index + length - RecordDescriptor.CHECKSUM_LENGTH);
        if (type != expectedTypes[expected] || tick != expectedTicks[expected] ||
            checksum != expectedChecksums[expected])
        {
            throw new JournalException("the resumed run differs from its journal " + directory + " at record " +
                (expectedPositions[expected] + 1) + ": it produced a " + RecordType.ofId(type).label() +
                " record for tick " + tick + " where the journal holds a " +
                RecordType.ofId(expectedTypes[expected]).label() + " record for tick " + expectedTicks[expected] +
                (type == expectedTypes[expected] && tick == expectedTicks[expected] ? " with other contents" : "") +
                "; was it resumed with other settings than the run's?");
        }
        expectedNext = expected + 1;
        caughtUpTo = expectedPositions[expected] + 1L;
        if (KILL_POINT_ARMED && expected + 1 == (expectedPositions.length + 1) / 2)
        {
            // a crash test's hook: half the records (at least one) checked, nothing appended
            KillPoint.reach(KillPoint.CATCH_UP);
        }
    }

    /**
     * @param appended records appended since the journal was opened.
     * @return records in the journal after its run start: while catching up, those the run has produced again;
     *         then those there when it was opened and those appended.
     */
    long position(final long appended)
    {
        return isCatchingUp() ? caughtUpTo : existingRecords + appended;
    }

    /**
     * @param tick     a tick.
     * @param appended records appended since the journal was opened.
     * @return true if the journal, reopened, already ends with the run's end at {@code tick} and nothing has been
     *         appended since.
     */
    boolean isEndRecordedAt(final long tick, final long appended)
    {
        return appended == 0 && endedAtTick == tick && !isCatchingUp();
    }
}
