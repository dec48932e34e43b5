package io.aidevops.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a protocol buffers message into its fields (the wire format only: varints and length-delimited bytes; what
 * the bytes mean is {@link ProtobufObjects}' business).
 *
 * <p>No protobuf library is on the classpath, and kubectl's payloads need only this much: Kubernetes' messages use
 * varints (integers and booleans; enumerations are strings) and length-delimited fields (strings, bytes, nested
 * messages, map entries). Fixed-width fields are stepped over correctly; the types decoded here have none.
 */
final class ProtobufWire {

    /** Wire type of varints. */
    static final int VARINT = 0;
    /** Wire type of strings, bytes, nested messages and map entries. */
    static final int LENGTH_DELIMITED = 2;
    private static final int FIXED64 = 1;
    private static final int FIXED32 = 5;

    /**
     * One field as it appears on the wire.
     *
     * @param number the field number
     * @param wireType {@link #VARINT}, {@link #LENGTH_DELIMITED}, or a fixed-width type
     * @param varint the value of a varint field (as the unsigned 64 bits, which is also an {@code int64}'s value)
     * @param bytes the content of a length-delimited field, empty otherwise
     */
    record Field(int number, int wireType, long varint, byte[] bytes) {

        /** Whether the field carries its type's zero value: 0, false, or no bytes at all. */
        boolean isZero() {
            return wireType == LENGTH_DELIMITED ? bytes.length == 0 : varint == 0;
        }
    }

    private ProtobufWire() {
    }

    /**
     * The fields of {@code message} in their order; a repeated field appears once per element.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed message
     */
    static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] position = {0};
        while (position[0] < message.length) {
            long key = varint(message, position);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            if (number <= 0) {
                throw new IllegalArgumentException("field number " + number + " at byte " + position[0]);
            }
            switch (wireType) {
                case VARINT:
                    fields.add(new Field(number, wireType, varint(message, position), new byte[0]));
                    break;
                case LENGTH_DELIMITED:
                    long length = varint(message, position);
                    if (length < 0 || length > message.length - position[0]) {
                        throw new IllegalArgumentException("field " + number + " claims " + length
                                + " bytes, but only " + (message.length - position[0]) + " are left");
                    }
                    int end = position[0] + (int) length;
                    fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(message, position[0], end)));
                    position[0] = end;
                    break;
                case FIXED64:
                case FIXED32:
                    int width = wireType == FIXED64 ? 8 : 4;
                    if (message.length - position[0] < width) {
                        throw new IllegalArgumentException("field " + number + " is cut short");
                    }
                    position[0] += width;
                    fields.add(new Field(number, wireType, 0, new byte[0]));
                    break;
                default:
                    throw new IllegalArgumentException("field " + number + " has the unsupported wire type "
                            + wireType + " (groups are not used by Kubernetes)");
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= message.length) {
                throw new IllegalArgumentException("a varint is cut short at byte " + position[0]);
            }
            byte next = message[position[0]++];
            value |= (long) (next & 0x7f) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint is longer than 10 bytes at byte " + position[0]);
    }
}
