package io.myriad.layouts.generator;

/**
 * Accumulates Java source a line at a time, indenting by four spaces per open brace.
 */
final class SourceWriter
{
    private static final String INDENT = "    ";

    private final StringBuilder sb = new StringBuilder(8192);
    private int depth;
    private boolean lastLineBlank = true;

    /**
     * Appends an import unless the type is in the package the source declares, where it needs none.
     *
     * @param packageName   package of the generated source.
     * @param qualifiedName the type to import.
     * @return this writer.
     */
    SourceWriter importType(final String packageName, final String qualifiedName)
    {
        final int lastDot = qualifiedName.lastIndexOf('.');
        if (lastDot >= 0 && qualifiedName.substring(0, lastDot).equals(packageName))
        {
            return this;
        }
        return line("import " + qualifiedName + ";");
    }

    /**
     * Appends a line at the current indentation; an empty line gets no indentation.
     *
     * @param text the line without its line separator.
     * @return this writer.
     */
    SourceWriter line(final String text)
    {
        if (!text.isEmpty())
        {
            for (int i = 0; i < depth; i++)
            {
                sb.append(INDENT);
            }
            sb.append(text);
        }
        sb.append('\n');
        lastLineBlank = text.isEmpty();
        return this;
    }

    /**
     * Appends an empty line unless the last line was empty or there is none yet.
     *
     * @return this writer.
     */
    SourceWriter blank()
    {
        return lastLineBlank ? this : line("");
    }

    /**
     * Opens a block: a brace on its own line, then one more level of indentation.
     *
     * @return this writer.
     */
    SourceWriter open()
    {
        line("{");
        depth++;
        return this;
    }

    /**
     * Closes the innermost block.
     *
     * @return this writer.
     */
    SourceWriter close()
    {
        depth--;
        return line("}");
    }

    /**
     * Appends a javadoc comment of one or more lines at the current indentation; a single line of description
     * goes on one line with its delimiters.
     *
     * @param lines the comment's lines, without the leading {@code *}; an empty string gives a bare {@code *}.
     * @return this writer.
     */
    SourceWriter javadoc(final String... lines)
    {
        if (lines.length == 1 && !lines[0].startsWith("@"))
        {
            return line("/** " + lines[0] + " */");
        }
        line("/**");
        for (final String text : lines)
        {
            line(text.isEmpty() ? " *" : " * " + text);
        }
        return line(" */");
    }

    /**
     * Quotes a string as a Java string literal.
     *
     * @param value the string.
     * @return the literal, ASCII only: quotes, backslashes, control and non-ASCII characters escaped.
     */
    static String quote(final String value)
    {
        final StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default ->
                {
                    if (c < ' ' || c > 0x7e)
                    {
                        literal.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /**
     * @return the source written so far.
     */
    public String toString()
    {
        return sb.toString();
    }
}
