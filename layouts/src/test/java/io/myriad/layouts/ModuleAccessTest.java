package io.myriad.layouts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleAccessTest
{
    private static final Module UNNAMED = ModuleAccessTest.class.getModule();

    @Test
    void shouldFindNothingMissingInAJvmStartedWithTheBuildsFlags()
    {
        assertEquals(List.of(), ModuleAccess.missingFlags(ModuleAccess.Need.values()));
        ModuleAccess.require("a test", ModuleAccess.Need.values());
    }

    @Test
    void shouldNameEveryExportAndOpenThisJvmLacksInCommandLineForm()
    {
        assertEquals(
            List.of("--add-exports=java.base/jdk.internal.loader=ALL-UNNAMED",
                "--add-opens=java.base/java.time=ALL-UNNAMED"),
            ModuleAccess.missingFlags(
                UNNAMED, List.of("java.base/jdk.internal.loader"), List.of("java.base/java.time")));
    }

    @Test
    void shouldTakeAPackageOpenedAsExported()
    {
        // the build opens java.util.zip without exporting it
        assertEquals(List.of(), ModuleAccess.missingFlags(UNNAMED, List.of("java.base/java.util.zip"), List.of()));
        assertEquals(List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
            ModuleAccess.missingFlags(UNNAMED, List.of(), List.of("java.base/sun.nio.ch")), "exported is not open");
    }

    @Test
    void shouldNeedNothingFromAModuleOrPackageThisJdkLacks()
    {
        assertEquals(List.of(), ModuleAccess.missingFlags(
            UNNAMED, List.of("no.such.module/a.b", "java.base/no.such.pkg"), List.of("no.such.module/c")));
    }

    @Test
    void shouldNameTheFlagsOfEachNeed()
    {
        assertEquals(List.of("java.base/jdk.internal.misc"), ModuleAccess.Need.OFF_HEAP.exports());
        assertEquals(List.of("java.base/java.util.zip"), ModuleAccess.Need.CHECKSUMS.opens());
        assertTrue(ModuleAccess.Need.JOURNAL.exports().contains("java.base/sun.nio.ch"));
        assertTrue(ModuleAccess.Need.JOURNAL.opens().contains("java.base/java.lang.reflect"));
    }
}
