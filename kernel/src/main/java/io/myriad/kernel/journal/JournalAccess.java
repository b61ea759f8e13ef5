package io.myriad.kernel.journal;

import io.myriad.layouts.ModuleAccess;

/**
 * The module flags a journal needs, checked before Chronicle Queue is touched: this class refers to none of
 * Chronicle's, so checking loads none of them (their static initialisers fail, or log through SLF4J, without the
 * flags).
 */
final class JournalAccess
{
    private JournalAccess()
    {
    }

    /**
     * @throws IllegalStateException naming every missing flag, and where to add them.
     */
    static void require()
    {
        ModuleAccess.require("the journal", ModuleAccess.Need.OFF_HEAP, ModuleAccess.Need.CHECKSUMS,
            ModuleAccess.Need.JOURNAL);
    }
}
