package io.myriad.layouts.generator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

import io.myriad.layouts.FieldType;
import io.myriad.layouts.SchemaField;

import static io.myriad.layouts.generator.RecordElements.describeKind;
import static io.myriad.layouts.generator.RecordElements.fieldType;
import static io.myriad.layouts.generator.RecordElements.findAnnotation;
import static io.myriad.layouts.generator.RecordElements.positionOf;
import static io.myriad.layouts.generator.RecordElements.stringValue;

/**
 * Generates typed accessors at build time from records annotated with {@link io.myriad.layouts.AgentSchema}.
 * <p>
 * For a record {@code p.Bird(@DoubleBuffered double x, @DoubleBuffered double y, int age)} it writes, in package
 * {@code p}:
 * <ul>
 *     <li>{@code BirdSchema}: the {@link io.myriad.layouts.Schema} constant {@code SCHEMA} and the field indices
 *     {@code X}, {@code Y} and {@code AGE} (component names in UPPER_SNAKE_CASE);</li>
 *     <li>{@code BirdFlyweight}: {@code wrap(AgentStore)}, which checks the store's schema and caches where each
 *     field lives, then {@code double x(int)}, {@code void x(int, double)}, {@code nextX(int)},
 *     {@code nextX(int, double)} and so on, allocation free and the same for every layout.</li>
 * </ul>
 * Components must be of type byte, short, int, long, float or double. Mistakes are reported as compile errors on
 * the offending record or component; nothing is generated for a record with errors.
 */
public final class AgentSchemaProcessor extends AbstractProcessor
{
    /** Qualified name of the annotation that marks a record as an agent schema. */
    public static final String AGENT_SCHEMA = "io.myriad.layouts.AgentSchema";

    /** Qualified name of the annotation that marks a component as double buffered. */
    public static final String DOUBLE_BUFFERED = "io.myriad.layouts.DoubleBuffered";

    /** Qualified name of the annotation on the generated classes. */
    static final String GENERATED = "javax.annotation.processing.Generated";

    /** The component types an agent field may have, in the order error messages list them. */
    static final String ALLOWED_TYPES = "byte, short, int, long, float, double";

    /**
     * Creates the processor; the compiler calls this through the service registration.
     */
    public AgentSchemaProcessor()
    {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes()
    {
        // Claiming DoubleBuffered, and Generated on the classes generated here, keeps -Xlint:processing from
        // warning of unclaimed annotations, so builds with -Xlint:all -Werror pass. Both are informational.
        return Set.of(AGENT_SCHEMA, DOUBLE_BUFFERED, GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion()
    {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(final Set<? extends TypeElement> annotations, final RoundEnvironment roundEnv)
    {
        final TypeElement agentSchema = processingEnv.getElementUtils().getTypeElement(AGENT_SCHEMA);
        if (agentSchema != null)
        {
            for (final Element element : roundEnv.getElementsAnnotatedWith(agentSchema))
            {
                final AgentSchemaModel model = read(element);
                if (model != null)
                {
                    write(model, element, model.schemaClassName(), SchemaClassGenerator.generate(model));
                    write(model, element, model.flyweightClassName(), FlyweightClassGenerator.generate(model));
                }
            }
        }
        return true;
    }

    private AgentSchemaModel read(final Element element)
    {
        final Messager messager = processingEnv.getMessager();
        if (element.getKind() != ElementKind.RECORD)
        {
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                "@AgentSchema applies to records only, but " + element.getSimpleName() + " is " +
                describeKind(element.getKind()) + "; declare it as a record whose components are the fields",
                element);
            return null;
        }

        final TypeElement record = (TypeElement)element;
        final String recordName = record.getSimpleName().toString();
        boolean valid = true;

        final AnnotationMirror annotation = findAnnotation(record, AGENT_SCHEMA);
        final String declaredName = annotation == null ? "" : stringValue(annotation, "name");
        final String schemaName = declaredName.isEmpty() ? recordName : declaredName;
        if (schemaName.isBlank())
        {
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                "@AgentSchema name of " + recordName + " is blank; give a name or leave it out to use '" +
                recordName + "'",
                record,
                annotation);
            valid = false;
        }

        final List<? extends RecordComponentElement> components = record.getRecordComponents();
        if (components.isEmpty())
        {
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                "record " + recordName + " has no components; an agent schema needs at least one field of type " +
                ALLOWED_TYPES,
                record);
            return null;
        }

        final List<SchemaField> fields = new ArrayList<>(components.size());
        final Map<String, String> constantOwners = new HashMap<>();
        constantOwners.put(GeneratedNames.SCHEMA_CONSTANT, null);
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
            if (fieldType == null)
            {
                messager.printMessage(
                    Diagnostic.Kind.ERROR,
                    "component '" + name + "' of " + recordName + " has type " + type + ", which an agent field " +
                    "cannot have; use one of " + ALLOWED_TYPES + hint(type.getKind()),
                    positionOf(record, component));
                valid = false;
                continue;
            }

            final String constant = GeneratedNames.constantName(name);
            if (constantOwners.containsKey(constant))
            {
                final String owner = constantOwners.get(constant);
                messager.printMessage(
                    Diagnostic.Kind.ERROR,
                    "component '" + name + "' of " + recordName + " would have the index constant " + constant +
                    " in " + recordName + GeneratedNames.SCHEMA_CLASS_SUFFIX + ", which " +
                    (owner == null ? "holds the schema itself" : "component '" + owner + "' already has") +
                    "; rename the component",
                    positionOf(record, component));
                valid = false;
                continue;
            }
            constantOwners.put(constant, name);
            fields.add(new SchemaField(name, fieldType, findAnnotation(component, DOUBLE_BUFFERED) != null));
        }

        valid &= checkNextAccessorClashes(record, components, fields);

        if (!valid)
        {
            return null;
        }

        final String packageName =
            processingEnv.getElementUtils().getPackageOf(record).getQualifiedName().toString();
        return new AgentSchemaModel(
            packageName, recordName, record.getQualifiedName().toString(), schemaName, fields);
    }

    private boolean checkNextAccessorClashes(
        final TypeElement record,
        final List<? extends RecordComponentElement> components,
        final List<SchemaField> fields)
    {
        final Map<String, String> nextAccessorOwners = new HashMap<>();
        for (final SchemaField field : fields)
        {
            if (field.doubleBuffered())
            {
                nextAccessorOwners.put(GeneratedNames.nextName(field.name()), field.name());
            }
        }

        boolean valid = true;
        for (final RecordComponentElement component : components)
        {
            final String name = component.getSimpleName().toString();
            final String owner = nextAccessorOwners.get(name);
            if (owner != null)
            {
                processingEnv.getMessager().printMessage(
                    Diagnostic.Kind.ERROR,
                    "component '" + name + "' of " + record.getSimpleName() + " has the name of the next-value " +
                    "accessor that " + record.getSimpleName() + GeneratedNames.FLYWEIGHT_CLASS_SUFFIX +
                    " generates for the double-buffered component '" + owner + "'; rename one of them",
                    positionOf(record, component));
                valid = false;
            }
        }
        return valid;
    }

    private void write(final AgentSchemaModel model, final Element origin, final String className, final String src)
    {
        final String qualifiedName = model.qualify(className);
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName, origin).openWriter())
        {
            writer.write(src);
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
            case BOOLEAN -> " (store a flag as a byte, 0 or 1)";
            case CHAR -> " (store a character as a short or an int)";
            case DECLARED, ARRAY -> " (keep references and arrays outside the agent store, indexed by an int field)";
            default -> "";
        };
    }
}
