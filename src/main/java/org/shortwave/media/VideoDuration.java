package org.shortwave.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * Reads a video's length from its container, without decoding anything: the {@code mvhd} box of an MP4
 * (ISO/IEC 14496-12), or the Duration in the Segment Info of a WebM (Matroska's EBML). Box and element sizes come
 * from the file, so every step is bounded by the file's length and a step count; a lie gives "unreadable", never a
 * large allocation or an endless loop.
 */
final class VideoDuration {

    private static final int MAX_STEPS = 10_000;

    private final FileChannel channel;
    private final long length;

    private VideoDuration(FileChannel channel) throws IOException {
        this.channel = channel;
        this.length = channel.size();
    }

    /** The length in whole seconds (rounded), or empty when the file does not say it. */
    static OptionalInt seconds(Path file, FileType type) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            VideoDuration reader = new VideoDuration(channel);
            double seconds = switch (type) {
                case MP4 -> reader.mp4();
                case WEBM -> reader.webm();
                default -> -1;
            };
            if (!(seconds >= 0) || seconds > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) Math.round(seconds));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    // MP4: top-level boxes, then moov's children, then mvhd's timescale and duration.

    private double mp4() throws IOException {
        long[] moov = mp4Box(0, length, "moov");
        if (moov == null) {
            return -1;
        }
        long[] mvhd = mp4Box(moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            return -1;
        }
        ByteBuffer box = read(mvhd[0], (int) Math.min(32, mvhd[1] - mvhd[0]));
        int version = box.get(0) & 0xFF;
        long timescale;
        long duration;
        if (version == 1) {
            timescale = box.getInt(20) & 0xFFFFFFFFL;
            duration = box.getLong(24);
        } else if (version == 0) {
            timescale = box.getInt(12) & 0xFFFFFFFFL;
            duration = box.getInt(16) & 0xFFFFFFFFL;
            if (duration == 0xFFFFFFFFL) {
                return -1; // "unknown"
            }
        } else {
            return -1;
        }
        if (timescale == 0 || duration <= 0) {
            return -1; // fragmented MP4 keeps its length elsewhere; we do not accept what we cannot read
        }
        return (double) duration / timescale;
    }

    /** The content {start, end} of the first box of this type between start and end, or null. */
    private long[] mp4Box(long start, long end, String type) throws IOException {
        long position = start;
        for (int step = 0; step < MAX_STEPS && position + 8 <= end; step++) {
            ByteBuffer header = read(position, 8);
            long size = header.getInt(0) & 0xFFFFFFFFL;
            String name = new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long headerSize = 8;
            if (size == 1) {
                size = read(position + 8, 8).getLong(0);
                headerSize = 16;
            } else if (size == 0) {
                size = end - position;
            }
            if (size < headerSize || position + size > end) {
                return null;
            }
            if (name.equals(type)) {
                return new long[] {position + headerSize, position + size};
            }
            position += size;
        }
        return null;
    }

    // WebM: the EBML header, then the Segment, whose Info holds TimestampScale (ns per tick) and Duration (ticks).

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long TIMESTAMP_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long UNKNOWN_SIZE = -1;

    private long position;

    private double webm() throws IOException {
        position = 0;
        long[] header = element();
        if (header[0] != EBML || header[1] == UNKNOWN_SIZE) {
            return -1;
        }
        position += header[1];
        long[] segment = element();
        if (segment[0] != SEGMENT) {
            return -1;
        }
        long segmentEnd = segment[1] == UNKNOWN_SIZE ? length : Math.min(length, position + segment[1]);
        for (int step = 0; step < MAX_STEPS && position < segmentEnd; step++) {
            long[] child = element();
            if (child[0] == INFO && child[1] != UNKNOWN_SIZE) {
                return webmInfo(Math.min(segmentEnd, position + child[1]));
            }
            if (child[0] == CLUSTER || child[1] == UNKNOWN_SIZE) {
                return -1; // the media data began before any Info
            }
            position += child[1];
        }
        return -1;
    }

    private double webmInfo(long end) throws IOException {
        long scale = 1_000_000;
        double duration = -1;
        for (int step = 0; step < MAX_STEPS && position < end; step++) {
            long[] child = element();
            if (child[1] == UNKNOWN_SIZE || child[1] > 8 && (child[0] == TIMESTAMP_SCALE || child[0] == DURATION)) {
                return -1;
            }
            if (child[0] == TIMESTAMP_SCALE) {
                scale = unsigned(read(position, (int) child[1]));
            } else if (child[0] == DURATION) {
                ByteBuffer value = read(position, (int) child[1]);
                duration = child[1] == 4 ? value.getFloat(0) : child[1] == 8 ? value.getDouble(0) : -1;
            }
            position += child[1];
        }
        return duration < 0 || scale <= 0 ? -1 : duration * scale / 1e9;
    }

    /** Reads an element's id and data size at {@link #position}, leaving it at the data; size -1 means unknown. */
    private long[] element() throws IOException {
        long id = variableInteger(4, true);
        long size = variableInteger(8, false);
        if (size > length - position) {
            throw new IOException("element larger than the file");
        }
        return new long[] {id, size};
    }

    /** EBML's variable-length integer: the leading zero bits of the first byte tell its length. */
    private long variableInteger(int maxLength, boolean keepMarker) throws IOException {
        int first = read(position, 1).get(0) & 0xFF;
        int size = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || size > maxLength) {
            throw new IOException("bad EBML integer");
        }
        ByteBuffer bytes = read(position, size);
        position += size;
        long value = keepMarker ? first : first & (0xFF >> size);
        boolean allOnes = value == (0xFF >> size);
        for (int i = 1; i < size; i++) {
            int b = bytes.get(i) & 0xFF;
            value = value << 8 | b;
            allOnes &= b == 0xFF;
        }
        return !keepMarker && allOnes ? UNKNOWN_SIZE : value;
    }

    private static long unsigned(ByteBuffer bytes) {
        long value = 0;
        while (bytes.hasRemaining()) {
            value = value << 8 | bytes.get() & 0xFF;
        }
        return value;
    }

    private ByteBuffer read(long at, int count) throws IOException {
        if (at < 0 || count < 0 || at + count > length) {
            throw new IOException("read past the end of the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }
}
