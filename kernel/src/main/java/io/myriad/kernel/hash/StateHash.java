package io.myriad.kernel.hash;

/**
 * The state hash, version 2: a 64-bit fingerprint of a world's state, computed by {@link StateHasher}.
 * <p>
 * It covers, in order: the step count, then each agent type in declaration order (its name, then its store: capacity,
 * high-water mark, live count, liveness bits, and every live agent's every field, see
 * {@link StateHasher#store}), then each part in declaration order (its name, then whatever
 * {@code Part.hash} folds in). Two states hash alike only if every store and every part is bit-for-bit equal
 * (barring a 64-bit collision); the hash does not depend on the layout or on which copy of a double-buffered field
 * is current.
 * <p>
 * Version 1 hashed one store and a list of RNG counters; version 2 hashes the whole world, so every model's hash
 * changed once when it moved to the world.
 * <p>
 * Not on the hot path: reads every live value once, on the thread that owns the world, between steps.
 */
public final class StateHash
{
    /** Version of the hash definition; bumped if what is hashed or how ever changes. */
    public static final int VERSION = 2;

    private StateHash()
    {
    }

    /**
     * @param hash a state hash.
     * @return 16 lower-case hex digits.
     */
    public static String toHex(final long hash)
    {
        final String digits = Long.toHexString(hash);
        return "0000000000000000".substring(digits.length()) + digits;
    }
}
