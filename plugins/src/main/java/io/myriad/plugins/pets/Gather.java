package io.myriad.plugins.pets;

import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;

/**
 * The first sweep of a step. Before it, on the driving thread, the index of pets by cell is rebuilt (a stable
 * counting sort of their cell column) and the users' interactions the scenario schedules for the step are carried
 * out. Then, in parallel over the index's ranks, each pet's preferences are copied into
 * {@link PetModel#likesByRank} in the index's order, so that a pet looking over the cells around it reads its
 * neighbours' preferences from three short runs of memory instead of from every neighbour's place in the store.
 * Derived afresh every step: nothing here lasts.
 */
final class Gather implements Phase
{
    private final PetModel model;

    Gather(final PetModel model)
    {
        this.model = model;
    }

    public String name()
    {
        return "gather";
    }

    public AgentType sweeps()
    {
        return null;
    }

    @Override
    public int workItems(final World world)
    {
        return model.byCell.size();
    }

    @Override
    public void beforeBatches(final World world, final long step)
    {
        model.byCell.rebuild(world.store(model.pets), PetSchema.CELL);
        final UserEvents events = model.settings.events();
        for (int e = 0; e < events.size(); e++)
        {
            if (events.step(e) == step)
            {
                model.interact(world, events.kind(e), events.pet(e));
            }
        }
    }

    public PhaseWorker newWorker(final World world)
    {
        final PetFlyweight pet = new PetFlyweight();
        return (batch) ->
        {
            pet.wrapIfStale(world.store(model.pets));
            final double[] likes = model.likesByRank;
            for (int r = batch.from(); r < batch.to(); r++)
            {
                final int i = model.byCell.agentAt(r);
                likes[3 * r] = pet.likeFood(i);
                likes[3 * r + 1] = pet.likeRest(i);
                likes[3 * r + 2] = pet.likeCompany(i);
            }
        };
    }
}
