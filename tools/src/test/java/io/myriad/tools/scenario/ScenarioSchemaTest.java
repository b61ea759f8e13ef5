package io.myriad.tools.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The language's JSON Schema ({@code docs/scenario.schema.json}, which editors with a YAML language server use to
 * complete and check scenarios) against the parser: every scenario in {@code scenarios/} passes it, it names the
 * keys the parser reads and no others, and it refuses what the parser refuses.
 */
class ScenarioSchemaTest
{
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static Schema schema;
    private static JsonNode json;

    @BeforeAll
    static void load() throws IOException
    {
        final String text = Files.readString(ROOT.resolve("docs/scenario.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text,
            InputFormat.JSON);
        json = new ObjectMapper().readTree(text);
    }

    private static List<Error> check(final String yaml)
    {
        return schema.validate(yaml, InputFormat.YAML);
    }

    @Test
    void everyScenarioInTheRepositoryPasses() throws IOException
    {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(ROOT.resolve("scenarios")))
        {
            list.filter((p) -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 10, files.toString());
        for (final Path file : files)
        {
            assertEquals(List.of(), check(Files.readString(file)), file.toString());
            ScenarioParser.parse(file, file.toString());
        }
    }

    @Test
    void itNamesTheKeysTheParserReads()
    {
        assertEquals(new TreeSet<>(Scenario.KEYS), names(json.get("properties")), "top-level keys");
        assertEquals(new TreeSet<>(Scenario.RUN_KEYS), names(json.get("$defs").get("run").get("properties")),
            "the simulation block's keys");
        assertEquals(new TreeSet<>(Scenario.DECIDER_KEYS), names(json.get("properties").get("decider")
            .get("properties")), "decider keys");
        final JsonNode defs = json.get("$defs");
        assertEquals(new TreeSet<>(DeclarationParser.TYPE_KEYS), names(defs.get("type").get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.CHANNEL_KEYS), names(defs.get("channel").get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.ACTIONS), names(defs.get("action").get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.ENGINE_RULE_KEYS),
            names(json.get("properties").get("rules").get("items").get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.EVENT_KEYS),
            names(json.get("properties").get("events").get("items").get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.SPACE_KEYS), names(json.get("properties").get("space")
            .get("properties")));
        assertEquals(new TreeSet<>(DeclarationParser.METRIC_KEYS),
            names(json.get("properties").get("metrics").get("additionalProperties").get("properties")));
    }

    @Test
    void itRefusesWhatTheParserRefuses()
    {
        assertFalse(check("model: flocking\ncolour: red\n").isEmpty(), "an unknown key");
        assertFalse(check("ticks: -1\n").isEmpty(), "negative ticks");
        assertFalse(check("agents:\n  Greeter: { count: 2, fields: { mood: colour } }\n").isEmpty(), "a field type");
        assertFalse(check("agents: { G: { count: 1 } }\nchannels:\n  c: { kind: shout }\n").isEmpty(),
            "a channel kind");
        assertFalse(check("agents: { G: { policy: [ { when: x, then: [ { sett: { a: 1 } } ] } ] } }\n").isEmpty(),
            "an action");
        assertEquals(List.of(), check("agents: { G: { count: 1 } }\nchannels:\n  c: { kind: direct, latency: " +
            "1.5 s }\n"));
        assertFalse(check("simulation: { ticks: 3, agents: 5 }\n").isEmpty(), "agents outside the simulation block");
        assertEquals(List.of(), check("simulation: { name: a-run, model: flocking, clock: ticks, ticks: 3 }\n"));
    }

    private static Set<String> names(final JsonNode properties)
    {
        final Set<String> names = new TreeSet<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }
}
