package io.myriad.kernel.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueOrderTest
{
    private record Entry(int slot, double due, long id)
    {
    }

    @Test
    void shouldGiveTheSlotsByDueTimeThenIdWhateverLeavesOnTheWay()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final DueOrder order = new DueOrder();
            final PriorityQueue<Entry> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::due).thenComparingLong(Entry::id));
            final List<Entry> live = new ArrayList<>();
            long id = 0;
            for (int round = 0; round < 3_000; round++)
            {
                final int choice = random.nextInt(10);
                if (choice < 5 || live.isEmpty())
                {
                    // slots are reused as a table reuses them: the smallest free one here
                    int slot = 0;
                    while (isUsed(live, slot))
                    {
                        slot++;
                    }
                    final Entry entry = new Entry(slot, random.nextInt(50), id++);
                    order.add(entry.slot(), entry.due(), entry.id());
                    reference.add(entry);
                    live.add(entry);
                }
                else if (choice < 8)
                {
                    final Entry first = reference.poll();
                    assertEquals(first.slot(), order.first(), "seed " + seed + " round " + round);
                    assertEquals(first.due(), order.firstDue());
                    order.remove(first.slot());
                    live.remove(first);
                }
                else
                {
                    final Entry any = live.remove(random.nextInt(live.size()));
                    reference.remove(any);
                    order.remove(any.slot());
                }
                assertEquals(reference.size(), order.size());
            }
        }
    }

    private static boolean isUsed(final List<Entry> live, final int slot)
    {
        for (final Entry entry : live)
        {
            if (entry.slot() == slot)
            {
                return true;
            }
        }
        return false;
    }
}
