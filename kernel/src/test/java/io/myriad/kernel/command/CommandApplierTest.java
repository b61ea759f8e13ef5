package io.myriad.kernel.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

class CommandApplierTest
{
    private static final int HUNGRY = Outcome.FIRST_MODEL_REASON;
    private static final int ASLEEP = Outcome.FIRST_MODEL_REASON + 1;
    private static final Schema ANIMAL = Schema.builder("Animal").field("food", FieldType.LONG).build();
    private static final Schema NEST = Schema.builder("Nest").field("pokes", FieldType.INT).build();

    private final AgentType animals = AgentType.growing("animals", ANIMAL, 4, 8);
    private final AgentType nests = AgentType.of("nests", NEST, 2);
    private final RngStream rng = new RngStream("kernel.commands", 77);
    private final World world = new World(List.of(animals, nests), List.of(rng), SoaLayout.INSTANCE, 5L);
    private final CommandRegistry registry = new CommandRegistry();
    private final Outbox outbox = new Outbox();
    private final FeedCodec feed = new FeedCodec();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void close()
    {
        world.close();
    }

    @Test
    void shouldRouteEachCommandByIdToItsHandlerWithItsTargetSourceStepAndPayload()
    {
        world.store(animals).spawn(4);
        world.store(nests).spawn(2);
        registry.handle(FeedCodec.ID, FeedCodec.NAME, (command) ->
        {
            seen.add("feed " + command.targetType() + ":" + command.targetIndex() + " from " + command.sourceType() +
                ":" + command.sourceIndex() + " at " + command.step() + " amount " +
                feed.wrap(command.buffer(), command.payloadOffset()).amount());
            return Outcome.APPLIED;
        });
        registry.handle(PokeCodec.ID, PokeCodec.NAME, (command) ->
        {
            seen.add("poke " + command.targetType() + ":" + command.targetIndex());
            return Outcome.APPLIED;
        });
        feed.wrap(outbox.buffer(), outbox.command(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), 3, nests.id(), 1))
            .amount(40);
        outbox.command(PokeCodec.ID, PokeCodec.LENGTH, nests.id(), 0);
        feed.wrap(outbox.buffer(), outbox.command(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), 0)).amount(-2);

        final CommandApplier applier = new CommandApplier(world, registry, rng);
        final ExpandableArrayBuffer outcomes = new ExpandableArrayBuffer(16);
        applier.apply(outbox, 12L, outcomes);

        assertEquals(List.of("feed 0:3 from 1:1 at 12 amount 40", "poke 1:0", "feed 0:0 from -1:-1 at 12 amount -2"),
            seen);
        assertEquals(3, applier.applied());
        assertEquals(0, applier.rejected());
        for (int i = 0; i < 3; i++)
        {
            assertEquals(Outcome.APPLIED, outcomes.getByte(i));
        }
        assertEquals("Feed", registry.commandName(FeedCodec.ID));
        assertEquals("despawn", registry.commandName(CommandDescriptor.DESPAWN));
    }

    @Test
    void shouldCountRejectionsByTheirReasonAndRejectCommandsToTheDead()
    {
        world.store(animals).spawn(4);
        world.store(animals).despawn(2);
        registry.handle(FeedCodec.ID, FeedCodec.NAME, (command) ->
            feed.wrap(command.buffer(), command.payloadOffset()).amount() < 0 ? HUNGRY :
            feed.amount() == 0 ? ASLEEP : Outcome.APPLIED)
            .reason(HUNGRY, "hungry").reason(ASLEEP, "asleep");
        final long[] amounts = { 5, -1, 0, -3, 7, 0, -9 };
        for (final long amount : amounts)
        {
            feed.wrap(outbox.buffer(), outbox.command(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), 1)).amount(amount);
        }
        feed.wrap(outbox.buffer(), outbox.command(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), 2)).amount(5);
        feed.wrap(outbox.buffer(), outbox.command(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), 6)).amount(5);
        outbox.despawn(animals.id(), 3);
        outbox.despawn(animals.id(), 3);

        final CommandApplier applier = new CommandApplier(world, registry, rng);
        final ExpandableArrayBuffer outcomes = new ExpandableArrayBuffer(16);
        applier.apply(outbox, 0L, outcomes);

        assertEquals(3, applier.applied(), "two feeds and the first despawn");
        assertEquals(3, applier.count(HUNGRY));
        assertEquals(2, applier.count(ASLEEP));
        assertEquals(3, applier.count(Outcome.TARGET_DEAD), "a dead target, one never born, a second despawn");
        assertEquals(8, applier.rejected());
        assertEquals(0, applier.count(Outcome.CAPACITY), "conflicts are never counted as capacity");
        assertEquals("hungry", registry.outcomeName(HUNGRY));
        assertEquals("target_dead", registry.outcomeName(Outcome.TARGET_DEAD));
        assertEquals(ASLEEP, outcomes.getByte(2));
        assertEquals(Outcome.TARGET_DEAD, outcomes.getByte(7));
        assertFalse(world.store(animals).isAlive(3));
    }

    @Test
    void shouldVetoABirthWhoseParentDiedEarlierInTheStepButNotLater()
    {
        world.store(animals).spawn(4);
        registry.handle(FeedCodec.ID, FeedCodec.NAME, (command) ->
        {
            final AgentStore store = command.world().store(command.targetType());
            store.buffer(0).putLong(store.offset(0, command.targetIndex()),
                feed.wrap(command.buffer(), command.payloadOffset()).amount());
            return Outcome.APPLIED;
        });
        // parent 1 is born from before it dies; parent 2 dies before its child is born
        feed.wrap(outbox.buffer(), outbox.spawn(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), animals.id(), 1))
            .amount(11);
        outbox.despawn(animals.id(), 1);
        outbox.despawn(animals.id(), 2);
        feed.wrap(outbox.buffer(), outbox.spawn(FeedCodec.ID, FeedCodec.LENGTH, animals.id(), animals.id(), 2))
            .amount(22);
        outbox.spawn(animals.id(), -1, -1);

        final CommandApplier applier = new CommandApplier(world, registry, rng);
        applier.apply(outbox, 3L, null);

        final AgentStore store = world.store(animals);
        assertEquals(1, applier.count(Outcome.PARENT_DEAD));
        assertEquals(4, applier.applied());
        assertEquals(4, store.liveCount(), "4 - 2 deaths + 2 births");
        assertEquals(11L, store.buffer(0).getLong(store.offset(0, 4)), "the first birth took index 4");
        assertTrue(store.isAlive(1), "a bare birth takes the lowest free index, the dead parent's");
        assertEquals(0L, store.buffer(0).getLong(store.offset(0, 1)), "a bare birth starts at zero");
        assertEquals(4, outbox.buffer().getInt(CommandDescriptor.TARGET_INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN),
            "a birth's command carries the newborn's index once applied, as the journal records it");
    }

    @Test
    void shouldGrowATypeWhenBirthsNeedRoomAndCountBirthsBeyondItsMaximum()
    {
        final AgentStore before = world.store(animals);
        before.spawn(4);
        for (int i = 0; i < 4; i++)
        {
            before.buffer(0).putLong(before.offset(0, i), 100 + i);
        }
        for (int i = 0; i < 5; i++)
        {
            outbox.spawn(animals.id(), animals.id(), i % 4);
        }
        outbox.spawn(nests.id(), -1, -1);
        outbox.spawn(nests.id(), -1, -1);
        outbox.spawn(nests.id(), -1, -1);

        final CommandApplier applier = new CommandApplier(world, registry, rng);
        applier.apply(outbox, 0L, null);

        final AgentStore after = world.store(animals);
        assertNotSame(before, after, "the type's store was replaced by a larger one");
        assertEquals(8, after.capacity(), "doubled, up to its maximum");
        assertEquals(8, after.liveCount());
        for (int i = 0; i < 4; i++)
        {
            assertEquals(100 + i, after.buffer(0).getLong(after.offset(0, i)), "agent " + i + " keeps its values");
        }
        assertEquals(2, applier.count(Outcome.CAPACITY), "one animal beyond 8 and one nest beyond 2");
        assertEquals(1, applier.birthsRefused(animals.id()));
        assertEquals(1, applier.birthsRefused(nests.id()));
        assertEquals(0, applier.rejected() - applier.count(Outcome.CAPACITY));
        final List<String> warnings = applier.capacityWarnings();
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).startsWith("agent type animals refused 1 births at its maximum capacity of 8"),
            warnings.get(0));
    }

    @Test
    void shouldStopWithAClearErrorForACommandWithoutAHandlerOrTargetType()
    {
        world.store(animals).spawn(1);
        outbox.command(PokeCodec.ID, PokeCodec.LENGTH, animals.id(), 0);
        final CommandApplier applier = new CommandApplier(world, registry, rng);
        final IllegalStateException unhandled =
            assertThrows(IllegalStateException.class, () -> applier.apply(outbox, 0L, null));
        assertTrue(unhandled.getMessage().contains("id 22 but registered no handler"), unhandled.getMessage());

        outbox.clear();
        outbox.command(PokeCodec.ID, PokeCodec.LENGTH, 7, 0);
        final IllegalStateException type =
            assertThrows(IllegalStateException.class, () -> applier.apply(outbox, 0L, null));
        assertTrue(type.getMessage().contains("agent type 7, which the world does not have"), type.getMessage());
    }

    @Test
    void shouldGiveHandlersTheWorldsStreamWhoseCounterIsState()
    {
        world.store(nests).spawn(1);
        final List<Long> draws = new ArrayList<>();
        registry.handle(PokeCodec.ID, PokeCodec.NAME, (command) ->
        {
            draws.add(command.rng().nextLong());
            return Outcome.APPLIED;
        });
        outbox.command(PokeCodec.ID, PokeCodec.LENGTH, nests.id(), 0);
        outbox.command(PokeCodec.ID, PokeCodec.LENGTH, nests.id(), 0);
        final long hashBefore = world.stateHash(1);
        new CommandApplier(world, registry, rng).apply(outbox, 0L, null);

        assertEquals(2, rng.counter());
        assertEquals(List.of(new RngStream(5L, 77).nextLong(), draws.get(1)), draws);
        assertTrue(hashBefore != world.stateHash(1), "the stream's counter is part of the state");
    }

    @Test
    void shouldRefuseTwoHandlersForOneIdAndReasonsOutsideTheModelsRange()
    {
        registry.handle(PokeCodec.ID, PokeCodec.NAME, (command) -> Outcome.APPLIED);
        assertThrows(IllegalArgumentException.class,
            () -> registry.handle(PokeCodec.ID, "again", (command) -> Outcome.APPLIED));
        assertThrows(IllegalArgumentException.class, () -> registry.handle(0, "zero", (command) -> Outcome.APPLIED));
        assertThrows(IllegalArgumentException.class, () -> registry.reason(Outcome.PARENT_DEAD, "kernel's"));
        registry.reason(HUNGRY, "hungry");
        assertThrows(IllegalArgumentException.class, () -> registry.reason(HUNGRY, "twice"));
    }
}
