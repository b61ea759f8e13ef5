package io.myriad.plugins.declared;

/**
 * The fields of a {@link Scope} that change from agent to agent.
 */
abstract class ScopeFields extends ScopeLeftPadding
{
    long step;
    int index;
    int draws;
}
