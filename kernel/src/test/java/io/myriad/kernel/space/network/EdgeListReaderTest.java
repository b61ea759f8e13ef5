package io.myriad.kernel.space.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeListReaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadCommentsCommasTabsAndWeights() throws IOException
    {
        final Path file = write("good.edges",
            "\uFEFF# friends, undirected\r\n" +
            "\n" +
            "0 1\n" +
            "   # an indented comment\n" +
            "1,2,0.5\n" +
            "2 , 3 , -1.5e0   # a distrustful pair\n" +
            "3\t4\t2\n" +
            "1 0\n" +
            "4 3 2.0\n" +
            "   \t  \n" +
            "5 0 .25");
        final Network network = EdgeListReader.read(file, new NetworkBuilder(6, false), "friends");

        assertEquals("friends", network.name());
        assertEquals(5, network.linkCount());
        assertEquals(1.0, network.weight(network.findEdge(1, 0)));
        assertEquals(0.5, network.weight(network.findEdge(2, 1)));
        assertEquals(-1.5, network.weight(network.findEdge(3, 2)));
        assertEquals(2.0, network.weight(network.findEdge(4, 3)));
        assertEquals(0.25, network.weight(network.findEdge(0, 5)));
    }

    @Test
    void shouldReadADirectedListWithSelfLoopsWhenAllowed() throws IOException
    {
        final Path file = write("loops.edges", "0 0 3\n0 1\n1 0 4\n");
        final Network network = EdgeListReader.read(
            file, new NetworkBuilder(2, true).allowSelfLoops(true), "net");
        assertEquals(3, network.edgeCount());
        assertEquals(3.0, network.weight(network.findEdge(0, 0)));
        assertEquals(4.0, network.weight(network.findEdge(1, 0)));
    }

    @Test
    void shouldReadAnEmptyFile() throws IOException
    {
        final Network network = EdgeListReader.read(write("empty.edges", "# nothing\n"),
            new NetworkBuilder(3, false), "net");
        assertEquals(0, network.edgeCount());
    }

    static Stream<Arguments> badLines()
    {
        final String head = "# header\n0 1\n\n";
        return Stream.of(
            Arguments.of(head + "1 10\n", 4, "the to node 10 is out of range: nodes are numbered 0 to 9; declare more"),
            Arguments.of(head + "12345678901234 1\n", 4, "the from node 12345678901234 is out of range"),
            Arguments.of(head + "0 2\n-1 2\n", 5, "the from node -1 is negative; nodes are numbered 0 to 9"),
            Arguments.of(head + "a 2\n", 4, "the from node 'a' is not a whole number"),
            Arguments.of(head + "1 2.0\n", 4, "the to node '2.0' is not a whole number"),
            Arguments.of(head + "7\n", 4, "has 1 column; an edge is 'from to' or 'from to weight'"),
            Arguments.of(head + "1 2 3 4\n", 4, "has more than 3 columns"),
            Arguments.of(head + "1,,2\n", 4, "column 2 is empty"),
            Arguments.of(head + ",1,2\n", 4, "column 1 is empty"),
            Arguments.of(head + "1,2,\n", 4, "ends with a comma"),
            Arguments.of(head + "1 2 NaN\n", 4, "the weight NaN is not a finite number"),
            Arguments.of(head + "1 2 -Infinity\n", 4, "the weight -Infinity is not a finite number"),
            Arguments.of(head + "1 2 heavy\n", 4, "the weight 'heavy' is not a number"),
            Arguments.of(head + "1 2 0x1p3\n", 4, "the weight '0x1p3' is not a number"),
            Arguments.of(head + "1 2 1.5d\n", 4, "the weight '1.5d' is not a number"),
            Arguments.of(head + "1 2 1e999\n", 4, "the weight 1e999 is too large"),
            Arguments.of(head + "3 3\n", 4, "edge 3 3 is a self-loop and this network refuses them"),
            Arguments.of(head + "2 3 0.5\n4 5\n3 2 0.75\n", 6,
                "edge 3 2 with weight 0.75 repeats the link on line 4 (2 3) with weight 0.5, the same link in an " +
                "undirected network; keep one of the two lines"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void shouldNameTheFileTheLineAndTheFault(final String content, final int line, final String problem)
        throws IOException
    {
        final Path file = write("bad.edges", content);
        final EdgeListException ex = assertThrows(
            EdgeListException.class, () -> EdgeListReader.read(file, new NetworkBuilder(10, false), "net"));
        assertEquals(file.toString(), ex.file());
        assertEquals(line, ex.line(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith(file + ":" + line + ": "), ex.getMessage());
        assertTrue(ex.problem().contains(problem), ex.getMessage());
    }

    @Test
    void shouldSayWhenTheNetworkHasNoNodes() throws IOException
    {
        final Path file = write("none.edges", "0 0\n");
        final EdgeListException ex = assertThrows(
            EdgeListException.class, () -> EdgeListReader.read(file, new NetworkBuilder(0, false), "net"));
        assertTrue(ex.problem().contains("the network has no nodes; declare how many it has"), ex.getMessage());
    }

    @Test
    void shouldNameAMissingFile()
    {
        final Path file = dir.resolve("missing.edges");
        final EdgeListException ex = assertThrows(
            EdgeListException.class, () -> EdgeListReader.read(file, new NetworkBuilder(10, false), "net"));
        assertEquals(0, ex.line());
        assertEquals(file + ": no such file; check the path", ex.getMessage());
    }

    @Test
    void shouldNameTheLineThatIsNotUtf8() throws IOException
    {
        final Path file = dir.resolve("latin1.edges");
        final byte[] bytes = "0 1\n1 2\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        final EdgeListException ex = assertThrows(
            EdgeListException.class, () -> EdgeListReader.read(file, new NetworkBuilder(10, false), "net"));
        assertTrue(ex.getMessage().contains("is not UTF-8 text"), ex.getMessage());
    }

    @Test
    void shouldRefuseABuilderThatHasEdges() throws IOException
    {
        final Path file = write("good.edges", "0 1\n");
        final NetworkBuilder builder = new NetworkBuilder(3, false).addEdge(1, 2);
        assertThrows(IllegalArgumentException.class, () -> EdgeListReader.read(file, builder, "net"));
    }

    private Path write(final String name, final String content) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
