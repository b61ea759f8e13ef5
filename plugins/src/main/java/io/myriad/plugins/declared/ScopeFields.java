package io.myriad.plugins.declared;

import io.myriad.kernel.LeftPadding;

/**
 * The fields of a {@link Scope} that change from agent to agent.
 */
abstract class ScopeFields extends LeftPadding
{
    long step;
    int index;
    int draws;
}
