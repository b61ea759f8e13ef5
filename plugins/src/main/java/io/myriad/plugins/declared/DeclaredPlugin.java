package io.myriad.plugins.declared;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ParameterType;
import io.myriad.kernel.model.ModelPlugin;

/**
 * The {@code declared} model's plugin: a multi-agent system a scenario declares in its {@code agents},
 * {@code channels}, {@code connections}, {@code rules}, {@code events} and {@code metrics} blocks, which the command
 * line hands over as JSON in the {@code spec} parameter (so a journal's run start holds the whole declaration).
 */
public final class DeclaredPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "declared";

    /** The parameter holding the declaration, as JSON. */
    public static final String SPEC = "spec";

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "agent types, channels and rules declared in a scenario, without Java (see docs/scenarios.md)";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(new ModelParameter(SPEC, ParameterType.STRING, "", 0, 0, "the declaration as JSON; " +
            "written by the command line from a scenario's blocks, not by hand"));
    }

    @Override
    public int defaultAgents()
    {
        return 1;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        return new DeclaredModel(parse(config.stringValue(SPEC)));
    }

    /**
     * @param spec a declaration.
     * @return it as JSON, as the {@code spec} parameter takes it.
     */
    public static String toJson(final DeclaredSpec spec)
    {
        try
        {
            return JSON.writeValueAsString(spec);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("a declaration could not be written as JSON: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param json a declaration as {@link #toJson} writes it.
     * @return the declaration.
     * @throws InvalidConfigException if it is not one.
     */
    public static DeclaredSpec parse(final String json)
    {
        if (json == null || json.isBlank())
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + SPEC, "is empty: model declared runs what a " +
                "scenario declares in its agents block, e.g. scenarios/greeters.yaml");
        }
        try
        {
            return JSON.readValue(json, DeclaredSpec.class);
        }
        catch (final JsonProcessingException ex)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + SPEC, "is no declaration: " +
                ex.getOriginalMessage());
        }
    }
}
