package io.myriad.plugins.llm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.myriad.kernel.decide.Answer;
import io.myriad.kernel.decide.DecisionAction;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.Deliberation;

/**
 * The JSON of the chat-completions protocol: a request's body, with the answer's JSON schema as its
 * {@code response_format}, and the reading of a response into an {@link Answer}. Reading is tolerant where models
 * are loose: the JSON may sit in a code fence or among words, the action may be in any case, the amount a string;
 * with no JSON at all, the first action named in the text is taken, with the first number after it.
 */
final class ChatAnswers
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private ChatAnswers()
    {
    }

    /**
     * @param endpoint  the endpoint's model and limits.
     * @param request   the agent's request.
     * @param structure true to ask for a structured answer through {@code response_format}.
     * @return the request's body.
     */
    static String body(final ChatEndpoint endpoint, final DecisionRequest request, final boolean structure)
    {
        final ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.model());
        final ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.deliberation().situation());
        messages.addObject().put("role", "user").put("content", request.prompt());
        body.put("temperature", endpoint.temperature());
        body.put("max_tokens", endpoint.maxTokens());
        if (structure)
        {
            final ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            final ObjectNode schema = format.putObject("json_schema").put("name", "decision").put("strict", true)
                .putObject("schema").put("type", "object").put("additionalProperties", false);
            final ObjectNode properties = schema.putObject("properties");
            final ArrayNode names = properties.putObject("action").put("type", "string").putArray("enum");
            for (final DecisionAction action : request.deliberation().actions())
            {
                names.add(action.name());
            }
            properties.putObject("amount").put("type", "number");
            properties.putObject("reason").put("type", "string");
            schema.putArray("required").add("action").add("amount").add("reason");
        }
        try
        {
            return JSON.writeValueAsString(body);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write a chat request: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param response     a 200 response's body.
     * @param deliberation the actions an answer may name.
     * @return the answer, with the tokens the response reports.
     * @throws ChatException if the body is not a chat completion or names no action.
     */
    static Answer read(final String response, final Deliberation deliberation)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(response);
        }
        catch (final JsonProcessingException ex)
        {
            throw new ChatException("the endpoint's response is not JSON: " + snippet(response));
        }
        final JsonNode content = root == null ? null : root.path("choices").path(0).path("message").get("content");
        if (content == null || !content.isTextual())
        {
            throw new ChatException("the endpoint's response has no choices[0].message.content: " +
                snippet(response));
        }
        final JsonNode usage = root.path("usage");
        final Answer answer = fromText(content.textValue(), deliberation);
        return new Answer(answer.action(), answer.amount(), answer.text(),
            usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
    }

    /**
     * @param text         what the model said.
     * @param deliberation the actions it may name.
     * @return the answer it gives, its text the model's words.
     * @throws ChatException if it names no action.
     */
    static Answer fromText(final String text, final Deliberation deliberation)
    {
        final List<DecisionAction> actions = deliberation.actions();
        final int open = text.indexOf('{');
        final int close = text.lastIndexOf('}');
        if (open >= 0 && close > open)
        {
            try
            {
                final JsonNode decision = JSON.readTree(text.substring(open, close + 1));
                final String name = decision.path("action").asText("").trim().toLowerCase(Locale.ROOT);
                for (int i = 0; i < actions.size(); i++)
                {
                    if (actions.get(i).name().equals(name))
                    {
                        return Answer.of(i, amount(decision.path("amount")), text);
                    }
                }
                throw new ChatException("the answer names action '" + name + "', not one of " + names(actions) +
                    ": " + snippet(text));
            }
            catch (final JsonProcessingException ex)
            {
                // not JSON after all: read the words
            }
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        int best = -1;
        int at = Integer.MAX_VALUE;
        for (int i = 0; i < actions.size(); i++)
        {
            final Matcher word = Pattern.compile("\\b" + Pattern.quote(actions.get(i).name()) + "\\b").matcher(lower);
            if (word.find() && word.start() < at)
            {
                best = i;
                at = word.start();
            }
        }
        if (best < 0)
        {
            throw new ChatException("the answer names none of the actions " + names(actions) + ": " + snippet(text));
        }
        final Matcher number = NUMBER.matcher(lower);
        return Answer.of(best, number.find(at) ? Double.parseDouble(number.group()) : 0.0, text);
    }

    static String snippet(final String text)
    {
        final String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? "'" + flat + "'" : "'" + flat.substring(0, 200) + "...'";
    }

    private static double amount(final JsonNode node)
    {
        if (node.isNumber())
        {
            return node.doubleValue();
        }
        if (node.isTextual())
        {
            final Matcher number = NUMBER.matcher(node.textValue());
            return number.find() ? Double.parseDouble(number.group()) : 0.0;
        }
        return 0.0;
    }

    private static String names(final List<DecisionAction> actions)
    {
        return actions.stream().map(DecisionAction::name).toList().toString();
    }
}
