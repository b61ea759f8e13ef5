package io.myriad.layouts.generator;

import java.util.List;

import io.myriad.layouts.SchemaField;

/**
 * What the generator needs to know of one annotated record, once the processor has validated it.
 *
 * @param packageName    package of the record and of the generated classes; empty for the unnamed package.
 * @param recordName     simple name of the record, the stem of the generated classes' names.
 * @param qualifiedName  the record's canonical name, for documentation.
 * @param schemaName     name of the schema, from the annotation or else the record's simple name.
 * @param fields         the record's components as schema fields, in declaration order.
 */
record AgentSchemaModel(
    String packageName,
    String recordName,
    String qualifiedName,
    String schemaName,
    List<SchemaField> fields)
{
    /**
     * Copies the field list so the model is immutable.
     *
     * @param packageName    package of the record and of the generated classes; empty for the unnamed package.
     * @param recordName     simple name of the record, the stem of the generated classes' names.
     * @param qualifiedName  the record's canonical name, for documentation.
     * @param schemaName     name of the schema, from the annotation or else the record's simple name.
     * @param fields         the record's components as schema fields, in declaration order.
     */
    AgentSchemaModel
    {
        fields = List.copyOf(fields);
    }

    /**
     * @return simple name of the generated class holding the schema constant.
     */
    String schemaClassName()
    {
        return recordName + GeneratedNames.SCHEMA_CLASS_SUFFIX;
    }

    /**
     * @return simple name of the generated flyweight class.
     */
    String flyweightClassName()
    {
        return recordName + GeneratedNames.FLYWEIGHT_CLASS_SUFFIX;
    }

    /**
     * @param simpleName simple name of a generated class.
     * @return its qualified name.
     */
    String qualify(final String simpleName)
    {
        return packageName.isEmpty() ? simpleName : packageName + '.' + simpleName;
    }
}
