package io.myriad.layouts.generator;

import io.myriad.layouts.CommandSchema;

/**
 * What the codec generator needs to know of one command record, once the processor has validated it.
 *
 * @param packageName   package of the record and of the generated codec; empty for the unnamed package.
 * @param recordName    simple name of the record, the stem of the codec's name.
 * @param qualifiedName the record's canonical name, for documentation.
 * @param schema        the command's name, id and fields, laid out as the codec will lay them out.
 */
record CommandModel(String packageName, String recordName, String qualifiedName, CommandSchema schema)
{
    /**
     * @return simple name of the generated codec class.
     */
    String codecClassName()
    {
        return recordName + GeneratedNames.CODEC_CLASS_SUFFIX;
    }

    /**
     * @return qualified name of the generated codec class.
     */
    String qualifiedCodecName()
    {
        return packageName.isEmpty() ? codecClassName() : packageName + '.' + codecClassName();
    }
}
