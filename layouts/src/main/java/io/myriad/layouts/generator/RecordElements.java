package io.myriad.layouts.generator;

import java.util.Locale;
import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

import io.myriad.layouts.FieldType;

/**
 * What the processors ask of an annotated record: its annotations' values, its components' types, and where to
 * report a mistake.
 */
final class RecordElements
{
    private RecordElements()
    {
    }

    /**
     * @param element       an annotated element.
     * @param qualifiedName the annotation's qualified name.
     * @return the annotation on the element, or null if it has none.
     */
    static AnnotationMirror findAnnotation(final Element element, final String qualifiedName)
    {
        for (final AnnotationMirror mirror : element.getAnnotationMirrors())
        {
            final Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement typeElement && typeElement.getQualifiedName().contentEquals(qualifiedName))
            {
                return mirror;
            }
        }
        return null;
    }

    /**
     * @param annotation an annotation.
     * @param name       name of one of its elements.
     * @return the value written in the source, or null if the element was left to its default or is missing.
     */
    static AnnotationValue explicitValue(final AnnotationMirror annotation, final String name)
    {
        for (final Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
            annotation.getElementValues().entrySet())
        {
            if (entry.getKey().getSimpleName().contentEquals(name))
            {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * @param annotation an annotation.
     * @param name       name of one of its string elements.
     * @return the value written in the source, or the empty string if it was left to its default.
     */
    static String stringValue(final AnnotationMirror annotation, final String name)
    {
        final AnnotationValue value = explicitValue(annotation, name);
        return value == null ? "" : String.valueOf(value.getValue());
    }

    /**
     * The element to report a component's mistakes on. javac 17 gives diagnostics on a record component no source
     * position, but the component's private field is declared by the same source, so errors point there.
     *
     * @param record    the record.
     * @param component one of its components.
     * @return the component's field, or the component if the record has no such field.
     */
    static Element positionOf(final TypeElement record, final RecordComponentElement component)
    {
        for (final VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements()))
        {
            if (field.getSimpleName().contentEquals(component.getSimpleName()))
            {
                return field;
            }
        }
        return component;
    }

    /**
     * @param kind a component's type kind.
     * @return the field type of that primitive, or null if no field type matches.
     */
    static FieldType fieldType(final TypeKind kind)
    {
        return switch (kind)
        {
            case BYTE -> FieldType.BYTE;
            case SHORT -> FieldType.SHORT;
            case INT -> FieldType.INT;
            case LONG -> FieldType.LONG;
            case FLOAT -> FieldType.FLOAT;
            case DOUBLE -> FieldType.DOUBLE;
            default -> null;
        };
    }

    /**
     * @param kind the kind of an annotated element that is not a record.
     * @return the kind with its article, for error messages: "a class", "an enum".
     */
    static String describeKind(final ElementKind kind)
    {
        return switch (kind)
        {
            case CLASS -> "a class";
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation interface";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
