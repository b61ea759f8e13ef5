package io.myriad.layouts.generator;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;

import static io.myriad.layouts.generator.RecordElements.describeKind;
import static io.myriad.layouts.generator.RecordElements.explicitValue;
import static io.myriad.layouts.generator.RecordElements.fieldType;
import static io.myriad.layouts.generator.RecordElements.findAnnotation;
import static io.myriad.layouts.generator.RecordElements.positionOf;
import static io.myriad.layouts.generator.RecordElements.stringValue;

/**
 * Generates payload codecs at build time from records annotated with {@link io.myriad.layouts.Command}.
 * <p>
 * For a record {@code p.Move(int toCell, double bid)} annotated {@code @Command(id = 3)} it writes, in package
 * {@code p}, {@code MoveCodec}: the constants {@code ID}, {@code NAME}, {@code LENGTH}, {@code TO_CELL_OFFSET},
 * {@code BID_OFFSET} and the {@link CommandSchema} {@code SCHEMA}, and a flyweight that wraps a buffer at a
 * payload's offset, with {@code int toCell()} and {@code MoveCodec toCell(int)} and so on, little-endian and
 * allocation free. The offsets are computed here by {@link CommandSchema} itself, so the constants and the schema
 * cannot disagree.
 * <p>
 * Components must be of type boolean, byte, short, int, long, float or double, and ids from
 * {@link CommandSchema#MIN_ID} to {@link CommandSchema#MAX_ID}, each given to one command only among those this
 * compilation declares (ids given in other compilations are checked when the kernel registers the commands).
 * Mistakes are reported as compile errors on the offending record, component or id; nothing is generated for a
 * record with errors. This processor is separate from {@link AgentSchemaProcessor}, which it shares only element
 * helpers with: a module that declares both runs both.
 */
public final class CommandProcessor extends AbstractProcessor
{
    /** Qualified name of the annotation that marks a record as a command. */
    public static final String COMMAND = "io.myriad.layouts.Command";

    /** The component types a command field may have, in the order error messages list them. */
    static final String ALLOWED_TYPES = "boolean, byte, short, int, long, float, double";

    /** Names of the codec's own accessors, which no component may take. */
    private static final Set<String> RESERVED_NAMES = Set.of("buffer", "offset");

    private final Map<Integer, String> idOwners = new HashMap<>();

    /**
     * Creates the processor; the compiler calls this through the service registration.
     */
    public CommandProcessor()
    {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes()
    {
        // Claiming Generated, on the classes generated here, keeps -Xlint:processing from warning of an unclaimed
        // annotation when this processor runs without the schema processor.
        return Set.of(COMMAND, AgentSchemaProcessor.GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion()
    {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(final Set<? extends TypeElement> annotations, final RoundEnvironment roundEnv)
    {
        final TypeElement command = processingEnv.getElementUtils().getTypeElement(COMMAND);
        if (command != null)
        {
            for (final Element element : roundEnv.getElementsAnnotatedWith(command))
            {
                final CommandModel model = read(element);
                if (model != null)
                {
                    write(model, element, CommandCodecGenerator.generate(model));
                }
            }
        }
        return true;
    }

    private CommandModel read(final Element element)
    {
        final Messager messager = processingEnv.getMessager();
        if (element.getKind() != ElementKind.RECORD)
        {
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                "@Command applies to records only, but " + element.getSimpleName() + " is " +
                describeKind(element.getKind()) + "; declare it as a record whose components are the fields",
                element);
            return null;
        }

        final TypeElement record = (TypeElement)element;
        final String recordName = record.getSimpleName().toString();
        final AnnotationMirror annotation = findAnnotation(record, COMMAND);
        if (annotation == null)
        {
            return null;
        }

        boolean valid = checkId(record, annotation);
        final String declaredName = stringValue(annotation, "name");
        final String commandName = declaredName.isEmpty() ? recordName : declaredName;
        if (commandName.isBlank())
        {
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                "@Command name of " + recordName + " is blank; give a name or leave it out to use '" +
                recordName + "'",
                record,
                annotation);
            valid = false;
        }
        if (!valid)
        {
            return null;
        }

        final CommandSchema.Builder builder =
            CommandSchema.builder(commandName, (Integer)explicitValue(annotation, "id").getValue());
        if (!addFields(record, builder))
        {
            return null;
        }

        final String packageName =
            processingEnv.getElementUtils().getPackageOf(record).getQualifiedName().toString();
        return new CommandModel(packageName, recordName, record.getQualifiedName().toString(), builder.build());
    }

    /**
     * Checks that the id is in range and not already another command's, and claims it for this record.
     */
    private boolean checkId(final TypeElement record, final AnnotationMirror annotation)
    {
        final AnnotationValue value = explicitValue(annotation, "id");
        if (value == null || !(value.getValue() instanceof Integer))
        {
            // A missing id, or one that is not a constant, is the compiler's to report.
            return false;
        }

        final int id = (Integer)value.getValue();
        final String recordName = record.getSimpleName().toString();
        if (id < CommandSchema.MIN_ID || id > CommandSchema.MAX_ID)
        {
            processingEnv.getMessager().printMessage(
                Diagnostic.Kind.ERROR,
                "@Command id " + id + " of " + recordName + " is outside " + CommandSchema.MIN_ID + ".." +
                CommandSchema.MAX_ID + "; give the command a number in that range that it keeps for good",
                record,
                annotation,
                value);
            return false;
        }

        final String qualifiedName = record.getQualifiedName().toString();
        final String owner = idOwners.putIfAbsent(id, qualifiedName);
        if (owner != null && !owner.equals(qualifiedName))
        {
            processingEnv.getMessager().printMessage(
                Diagnostic.Kind.ERROR,
                "@Command id " + id + " of " + recordName + " is already the id of " + owner +
                "; journals tell commands apart by id, so give each command its own",
                record,
                annotation,
                value);
            return false;
        }
        return true;
    }

    private boolean addFields(final TypeElement record, final CommandSchema.Builder builder)
    {
        final String recordName = record.getSimpleName().toString();
        final List<? extends RecordComponentElement> components = record.getRecordComponents();
        final Map<String, String> constantOwners = new HashMap<>();
        boolean valid = true;
        for (final RecordComponentElement component : components)
        {
            final String name = component.getSimpleName().toString();
            final TypeMirror type = component.asType();
            if (type.getKind() == TypeKind.ERROR)
            {
                // The compiler reports the unresolved type itself.
                valid = false;
                continue;
            }

            final FieldType fieldType = fieldType(type.getKind());
            if (fieldType == null && type.getKind() != TypeKind.BOOLEAN)
            {
                error(record, component, "component '" + name + "' of " + recordName + " has type " + type +
                    ", which a command field cannot have; use one of " + ALLOWED_TYPES + hint(type.getKind()));
                valid = false;
                continue;
            }

            if (RESERVED_NAMES.contains(name))
            {
                error(record, component, "component '" + name + "' of " + recordName + " would hide the " + name +
                    "() accessor of " + recordName + GeneratedNames.CODEC_CLASS_SUFFIX + "; rename the component");
                valid = false;
                continue;
            }

            final String constant = GeneratedNames.offsetConstantName(name);
            final String owner = constantOwners.putIfAbsent(constant, name);
            if (owner != null)
            {
                error(record, component, "component '" + name + "' of " + recordName + " would have the offset " +
                    "constant " + constant + " in " + recordName + GeneratedNames.CODEC_CLASS_SUFFIX +
                    ", which component '" + owner + "' already has; rename the component");
                valid = false;
                continue;
            }

            if (fieldType == null)
            {
                builder.booleanField(name);
            }
            else
            {
                builder.field(name, fieldType);
            }
        }
        return valid;
    }

    private void error(final TypeElement record, final RecordComponentElement component, final String message)
    {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, positionOf(record, component));
    }

    private void write(final CommandModel model, final Element origin, final String source)
    {
        final String qualifiedName = model.qualifiedCodecName();
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName, origin).openWriter())
        {
            writer.write(source);
        }
        catch (final IOException ex)
        {
            processingEnv.getMessager().printMessage(
                Diagnostic.Kind.ERROR,
                "cannot write " + qualifiedName + " for " + model.qualifiedName() + ": " + ex.getMessage(),
                origin);
        }
    }

    private static String hint(final TypeKind kind)
    {
        return switch (kind)
        {
            case CHAR -> " (send a character as a short or an int)";
            case DECLARED, ARRAY -> " (a payload has a fixed length: send an agent's index or an id as an int or " +
                "a long, not a reference or an array)";
            default -> "";
        };
    }
}
