package io.myriad.kernel.space.grid;

/**
 * The checkpoint section of a {@link Grid2D}, as written through a {@link io.myriad.kernel.world.PartWriter}:
 * little-endian int32 values and strings (an int32 byte count and UTF-8), then the columns' raw bytes in the
 * machine's byte order, which the section records so that another kind of machine refuses it.
 * <pre>
 *   configuration, checked before anything is replaced:
 *     format version int32 = VERSION
 *     width int32 | height int32 | topology int32 (0 bounded, 1 torus) | column byte order int32 (0 LE, 1 BE)
 *     layer count int32,                then per layer:     name string | kind int32 (0 double, 1 int) |
 *                                                           double buffered int32 (0 or 1)
 *     single occupancy count int32,     then per occupancy: name string
 *     multiple occupancy count int32,   then per occupancy: name string | agent capacity int32
 *   state:
 *     per layer: parity int32 (which column is current; 0 unless double buffered)
 *     per layer: column 0, then column 1 if double buffered, each cells x value size bytes
 *     per single occupancy: occupied cells int32 | occupants, cells x int32 (-1 for an empty cell)
 * </pre>
 * A multiple occupancy saves only its configuration: its index is rebuilt from the agents' cells every step. The
 * state's length follows from the configuration, so a section cut short is refused before any value is read.
 */
public final class GridDescriptor
{
    /** Version of the section format. */
    public static final int VERSION = 1;

    /** Byte order code of a little-endian column. */
    public static final int LITTLE_ENDIAN = 0;

    /** Byte order code of a big-endian column. */
    public static final int BIG_ENDIAN = 1;

    private GridDescriptor()
    {
    }
}
