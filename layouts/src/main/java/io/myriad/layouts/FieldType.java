package io.myriad.layouts;

/**
 * The primitive types an agent field may have, with their size in bytes.
 */
public enum FieldType
{
    /** 8-bit signed integer. */
    BYTE(1),
    /** 16-bit signed integer. */
    SHORT(2),
    /** 32-bit signed integer. */
    INT(4),
    /** 64-bit signed integer. */
    LONG(8),
    /** 32-bit IEEE 754 float. */
    FLOAT(4),
    /** 64-bit IEEE 754 float. */
    DOUBLE(8);

    private final int size;

    FieldType(final int size)
    {
        this.size = size;
    }

    /**
     * @return size of one value in bytes, which is also its natural alignment.
     */
    public int size()
    {
        return size;
    }
}
