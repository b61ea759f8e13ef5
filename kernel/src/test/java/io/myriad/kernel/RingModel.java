package io.myriad.kernel;

import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Globals;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * A test model that exercises everything whose order could leak into the result: agents on a ring of indices
 * compute their next value from their neighbours' current values and a counter-based draw, then emit despawns
 * (of themselves and of random others, so some are of dead agents or twice of one agent), spawns with a payload,
 * and claims on random agents that the model resolves "first valid claim wins". A second phase ages the agents
 * and despawns some old ones. Metrics are sums of integers (exact whatever the batching) and of doubles (exact
 * only for one batching, since addition is not associative).
 */
final class RingModel implements Model
{
    static final int REASON_CLAIMED = Outcome.FIRST_MODEL_REASON;
    static final int INPUT_SET_VALUE = 7;

    static final int METRIC_LIVE = 0;
    static final int METRIC_ENERGY = 1;
    static final int METRIC_LOW_BITS = 2;
    static final int METRIC_AGE = 3;
    static final int METRIC_OWNED = 4;
    /** Metrics whose sums are integers, so exact for any batch size. */
    static final int[] EXACT_METRICS = { METRIC_LIVE, METRIC_LOW_BITS, METRIC_AGE, METRIC_OWNED };

    static final int VALUE = 0;
    static final int ENERGY = 1;
    static final int OWNER = 2;
    static final int CLAIMED_AT = 3;
    static final int AGE = 4;

    static final Schema SCHEMA = Schema.builder("RingCell")
        .field("value", FieldType.LONG, true)
        .field("energy", FieldType.DOUBLE, true)
        .field("owner", FieldType.INT)
        .field("claimedAt", FieldType.LONG)
        .field("age", FieldType.INT)
        .build();

    static final Schema BANK_SCHEMA = Schema.builder("Bank")
        .field("claims", FieldType.LONG)
        .field("bonus", FieldType.LONG)
        .build();

    private final int agents;
    private final AgentType cells;
    private final AgentType bank = AgentType.of("bank", BANK_SCHEMA, 1);
    private final Globals globals = new Globals("ring.globals");
    private final int births = globals.declare("births");
    private final RngStream draws = new RngStream("ring.draws", 9);
    private final List<Phase> phases = List.of(new RingPhase(), new AgePhase());
    private final ClaimCodec claim = new ClaimCodec();
    private final BornCodec born = new BornCodec();

    RingModel(final int agents, final int capacity)
    {
        this(agents, capacity, capacity);
    }

    RingModel(final int agents, final int capacity, final int maxCapacity)
    {
        this.agents = agents;
        this.cells = AgentType.growing("cells", SCHEMA, capacity, maxCapacity);
    }

    AgentType cells()
    {
        return cells;
    }

    AgentType bank()
    {
        return bank;
    }

    Globals globals()
    {
        return globals;
    }

    int birthsSlot()
    {
        return births;
    }

    public List<AgentType> agentTypes()
    {
        return List.of(cells, bank);
    }

    public List<Part> parts()
    {
        return List.of(globals, draws);
    }

    public void initialise(final World world)
    {
        final AgentStore store = world.store(cells);
        store.spawn(agents);
        world.store(bank).spawn(1);
        final long key = CounterRng.key(world.seed(), 0);
        for (int i = 0; i < agents; i++)
        {
            putLong(store, store.currentSlot(VALUE), i, CounterRng.bits(key, 0L, i, 0));
            putDouble(store, store.currentSlot(ENERGY), i, CounterRng.uniform(key, 0L, i, 1));
        }
        draws.nextLong();
    }

    public List<Phase> phases()
    {
        return phases;
    }

    public List<String> metricNames()
    {
        return List.of("live", "energy", "low_bits", "age", "owned");
    }

    public void commands(final CommandRegistry commands)
    {
        commands.handle(ClaimCodec.ID, ClaimCodec.NAME, this::claim).reason(REASON_CLAIMED, "claimed");
        commands.handle(BornCodec.ID, BornCodec.NAME, this::born);
    }

    /**
     * The first claim of a cell in a tick wins: it becomes the claimant's; the bank counts it and draws a bonus.
     */
    private int claim(final Command command)
    {
        final AgentStore store = command.world().store(cells);
        final long tick = claim.wrap(command.buffer(), command.payloadOffset()).tick();
        final int target = command.targetIndex();
        if (getLong(store, store.currentSlot(CLAIMED_AT), target) == tick + 1)
        {
            return REASON_CLAIMED;
        }
        putLong(store, store.currentSlot(CLAIMED_AT), target, tick + 1);
        store.buffer(store.currentSlot(OWNER)).putInt(store.offset(store.currentSlot(OWNER), target),
            command.sourceIndex() + 1);
        final AgentStore bankStore = command.world().store(bank);
        putLong(bankStore, 0, 0, getLong(bankStore, 0, 0) + 1);
        putLong(bankStore, 1, 0, getLong(bankStore, 1, 0) + command.rng().nextInt(3));
        return Outcome.APPLIED;
    }

    private int born(final Command command)
    {
        final AgentStore store = command.world().store(cells);
        final int index = command.targetIndex();
        final long value = born.wrap(command.buffer(), command.payloadOffset()).value() ^ draws.nextInt(16);
        putLong(store, store.currentSlot(VALUE), index, value);
        putLong(store, store.nextSlot(VALUE), index, value);
        putDouble(store, store.currentSlot(ENERGY), index, 1.0);
        putDouble(store, store.nextSlot(ENERGY), index, 1.0);
        globals.putLong(births, globals.getLong(births) + 1);
        return Outcome.APPLIED;
    }

    public void applyInput(
        final World world,
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        final AgentStore store = world.store(cells);
        if (kind != INPUT_SET_VALUE || length != Long.BYTES || !store.isAlive(target))
        {
            throw new IllegalArgumentException("input kind " + kind + " of " + length + " bytes for agent " + target);
        }
        putLong(store, store.currentSlot(VALUE), target, data.getLong(offset));
    }

    static long getLong(final AgentStore store, final int slot, final int index)
    {
        return store.buffer(slot).getLong(store.offset(slot, index));
    }

    static void putLong(final AgentStore store, final int slot, final int index, final long value)
    {
        store.buffer(slot).putLong(store.offset(slot, index), value);
    }

    static void putDouble(final AgentStore store, final int slot, final int index, final double value)
    {
        store.buffer(slot).putDouble(store.offset(slot, index), value);
    }

    static int getInt(final AgentStore store, final int slot, final int index)
    {
        return store.buffer(slot).getInt(store.offset(slot, index));
    }

    private final class RingPhase implements Phase
    {
        public String name()
        {
            return "ring";
        }

        public AgentType sweeps()
        {
            return cells;
        }

        public PhaseWorker newWorker(final World world)
        {
            final ClaimCodec claim = new ClaimCodec();
            final BornCodec born = new BornCodec();
            return (batch) -> process(batch, claim, born);
        }

        private void process(final BatchContext batch, final ClaimCodec claim, final BornCodec born)
        {
            final int type = cells.id();
            final AgentStore store = batch.store();
            final Outbox outbox = batch.outbox();
            final long tick = batch.step();
            final long key = CounterRng.key(batch.seed(), 1);
            final int highWaterMark = store.highWaterMark();
            final int valueSlot = store.currentSlot(VALUE);
            final int nextValueSlot = store.nextSlot(VALUE);
            final int energySlot = store.currentSlot(ENERGY);
            final int nextEnergySlot = store.nextSlot(ENERGY);
            final UnsafeBuffer energies = store.buffer(energySlot);
            final UnsafeBuffer nextEnergies = store.buffer(nextEnergySlot);
            for (int i = batch.from(), to = batch.to(); i < to; i++)
            {
                if (!store.isAlive(i))
                {
                    continue;
                }
                final int left = i == 0 ? highWaterMark - 1 : i - 1;
                final int right = i == highWaterMark - 1 ? 0 : i + 1;
                final long l = store.isAlive(left) ? getLong(store, valueSlot, left) : 0L;
                final long r = store.isAlive(right) ? getLong(store, valueSlot, right) : 0L;
                final long self = getLong(store, valueSlot, i);
                final long next = l * 3 + self * 5 + r * 7 + (CounterRng.bits(key, tick, i, 0) >>> 1);
                putLong(store, nextValueSlot, i, next);

                final double energy = energies.getDouble(store.offset(energySlot, i)) * 0.5 +
                    CounterRng.uniform(key, tick, i, 1);
                nextEnergies.putDouble(store.offset(nextEnergySlot, i), energy);

                batch.addMetric(METRIC_LIVE, 1.0);
                batch.addMetric(METRIC_ENERGY, energy);
                batch.addMetric(METRIC_LOW_BITS, next & 0xFF);

                final double u = CounterRng.uniform(key, tick, i, 2);
                if (u < 0.02)
                {
                    outbox.despawn(type, i);
                }
                else if (u < 0.04)
                {
                    outbox.despawn(type, CounterRng.toBoundedInt(CounterRng.bits(key, tick, i, 3), highWaterMark + 4));
                }
                else if (u < 0.09)
                {
                    born.wrap(outbox.buffer(), outbox.spawn(BornCodec.ID, BornCodec.LENGTH, type, type, i))
                        .value(next);
                }
                else if (u >= 0.7)
                {
                    final int target = CounterRng.toBoundedInt(CounterRng.bits(key, tick, i, 4), highWaterMark);
                    claim.wrap(outbox.buffer(), outbox.command(ClaimCodec.ID, ClaimCodec.LENGTH, type, target, type, i))
                        .tick(tick);
                }
            }
        }
    }

    private final class AgePhase implements Phase
    {
        public String name()
        {
            return "age";
        }

        public AgentType sweeps()
        {
            return cells;
        }

        public PhaseWorker newWorker(final World world)
        {
            return this::process;
        }

        private void process(final BatchContext batch)
        {
            final AgentStore store = batch.store();
            final long key = CounterRng.key(batch.seed(), 2);
            final int ageSlot = store.currentSlot(AGE);
            final int ownerSlot = store.currentSlot(OWNER);
            final UnsafeBuffer ages = store.buffer(ageSlot);
            for (int i = batch.from(), to = batch.to(); i < to; i++)
            {
                if (!store.isAlive(i))
                {
                    continue;
                }
                final int age = ages.getInt(store.offset(ageSlot, i)) + 1;
                ages.putInt(store.offset(ageSlot, i), age);
                batch.addMetric(METRIC_AGE, age);
                if (getInt(store, ownerSlot, i) != 0)
                {
                    batch.addMetric(METRIC_OWNED, 1.0);
                }
                if (age > 20 && CounterRng.uniform(key, batch.step(), i, 0) < 0.1)
                {
                    batch.outbox().despawn(cells.id(), i);
                }
            }
        }
    }
}
