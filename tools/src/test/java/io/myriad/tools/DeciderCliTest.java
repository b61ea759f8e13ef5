package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code myriad run} of a model that decides through a decider ({@code nations}): the scenario's decider block, the
 * summary's decisions, {@code journal dump --type decision}, the answer cache, and misconfiguration.
 */
class DeciderCliTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRunWithTheScriptedDeciderReportItsDecisionsAndDumpThem() throws IOException
    {
        Files.writeString(dir.resolve("nations.yaml"), """
            model: nations
            agents: 20
            max_sim_time: 90
            parameters:
              latency: 3
            decider:
              type: scripted
              think_ms: 1
              concurrency: 4
              api_key: sk-never-written
            """);
        final CliRun run = CliRun.run(dir, "run", "nations.yaml", "--json", "--out", "n",
            "--decider-cache", "answers.bin");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final JsonNode decisions = JSON.readTree(run.lastOutLine()).get("decisions");
        final long completed = decisions.get("completed").longValue();
        assertTrue(completed >= 40, decisions.toString());
        assertEquals(completed, decisions.get("answered").longValue());
        assertEquals(0, decisions.get("cached").longValue());
        assertEquals(decisions.get("requested").longValue(), completed + decisions.get("in_flight").longValue());
        assertTrue(decisions.get("latency_ms").get("p50").longValue() >= 1, decisions.toString());
        assertTrue(run.out.contains("decisions              " + completed + " completed"), run.out);
        final String scenario = Files.readString(dir.resolve("n/scenario.yaml"));
        assertTrue(scenario.contains("decider:") && scenario.contains("think_ms: 1"), scenario);
        assertFalse(scenario.contains("sk-never-written") || run.out.contains("sk-never-written"), "no key written");

        final List<String> rows = Files.readAllLines(dir.resolve("n/metrics.csv"));
        assertEquals("step,sim_time,nations,market,strength_total,goods_total,price,trades,crashes", rows.get(0));
        final String[] last = rows.get(rows.size() - 1).split(",");
        assertEquals(JSON.readTree(run.lastOutLine()).get("sim_time").doubleValue(), Double.parseDouble(last[1]),
            "the last row is at the run's end");

        final CliRun dump = CliRun.run(dir, "journal", "dump", "n", "--type", "decision");
        assertEquals(Main.EXIT_OK, dump.status, dump.toString());
        final List<String> lines = dump.outLines();
        assertEquals(completed, lines.size(), "one line a decision");
        final JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("decision", first.get("type").textValue());
        assertEquals("answered", first.get("outcome").textValue());
        assertTrue(List.of("buy", "sell", "hold").contains(first.get("action").textValue()), first.toString());
        assertTrue(first.get("prompt").textValue().startsWith("It is t = "), first.toString());
        assertTrue(first.get("answer").textValue().startsWith("rule: "), first.toString());

        final CliRun again = CliRun.run(dir, "run", "nations.yaml", "--json", "--out", "n2",
            "--decider-cache", "answers.bin");
        assertEquals(Main.EXIT_OK, again.status, again.toString());
        final JsonNode second = JSON.readTree(again.lastOutLine());
        assertEquals(completed, second.get("decisions").get("cached").longValue(), "every answer from the cache");
        assertEquals(JSON.readTree(run.lastOutLine()).get("state_hash"), second.get("state_hash"));
    }

    @Test
    void shouldRefuseABadDeciderBlockSayingWhere() throws IOException
    {
        Files.writeString(dir.resolve("typo.yaml"), """
            model: nations
            decider:
              tpye: http
            """);
        final CliRun typo = CliRun.run(dir, "run", "typo.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, typo.status, typo.toString());
        assertTrue(typo.err.contains("typo.yaml:3:3: decider.tpye: unknown key (did you mean 'type'?)"), typo.err);

        final CliRun type = CliRun.run(dir, "run", "--model", "nations", "--decider", "oracle");
        assertEquals(Main.EXIT_BAD_INPUT, type.status, type.toString());
        assertTrue(type.err.contains("--decider") && type.err.contains("must be scripted"), type.err);
        assertFalse(Files.exists(dir.resolve("runs")), "no run directory");
    }

    @Test
    void shouldSayHowToNameTheEndpointOfAnHttpDecider() throws IOException
    {
        Files.writeString(dir.resolve("llm.yaml"), """
            model: nations
            decider:
              type: http
              model: llama3.2
              base_url: localhost:11434
            """);
        final CliRun url = CliRun.run(dir, "run", "llm.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, url.status, url.toString());
        assertTrue(url.err.contains("decider.base_url: must be an http or https URL"), url.err);

        final CliRun model = CliRun.run(dir, "run", "--model", "nations", "--decider", "http");
        assertEquals(Main.EXIT_BAD_INPUT, model.status, model.toString());
        // no endpoint named (unless this machine's OPENAI_BASE_URL names one: then no model is)
        assertTrue(model.err.contains("decider: ") &&
            (model.err.contains("OPENAI_BASE_URL") || model.err.contains("decider.model")), model.err);
        assertFalse(Files.exists(dir.resolve("runs")), "no run directory");
    }
}
