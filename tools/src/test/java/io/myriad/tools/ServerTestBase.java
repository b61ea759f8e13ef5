package io.myriad.tools;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control server for each test, in a temporary working directory, stopped with its runs after the test.
 */
abstract class ServerTestBase
{
    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeEach
    void startServer()
    {
        fixture = new ServerFixture(dir);
    }

    @AfterEach
    void stopServer()
    {
        fixture.close();
    }
}
