package org.shortwave.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Files made in the tests themselves: real images, hostile ones, and fakes. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A real image of this size: a gradient with a red square, so that scaling and turning can be seen. */
    public static BufferedImage picture(int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < width; x++) {
            g.setColor(new Color(40, 80 + x * 150 / width, 160, transparent && x < width / 2 ? 100 : 255));
            g.drawLine(x, 0, x, height);
        }
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, false), "jpg");
    }

    /** A JPEG no other test makes: one pixel carries a colour from a counter, so its hash is its own. */
    public static byte[] uniqueJpeg(int width, int height) {
        BufferedImage image = picture(width, height, false);
        image.setRGB(width - 1, height - 1, (int) (System.nanoTime() & 0xFFFFFF));
        image.setRGB(width - 2, height - 1, (int) (UNIQUE.incrementAndGet() & 0xFFFFFF));
        return write(image, "jpg");
    }

    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    public static byte[] png(int width, int height, boolean transparent) {
        return write(picture(width, height, transparent), "png");
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF segment right after SOI: orientation (0x0112), a GPS IFD pointer with a latitude
     * reference, and a camera make text to look for.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(90); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(12).putInt(50); // Make, at offset 50
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(64); // GPS IFD at offset 64
        tiff.putInt(0);
        tiff.position(50);
        tiff.put("SECRETCAMERA".getBytes(StandardCharsets.US_ASCII));
        tiff.position(64);
        tiff.putShort((short) 1);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        return withSegment(jpeg, 0xE1, exif);
    }

    /** A JPEG with one more segment ({@code marker}: 0xE1 for APP1, 0xFE for a comment) right after its start. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Only the signature and an IHDR chunk (valid CRC) of a PNG claiming this size: no pixel data at all. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    public static byte[] svgWithScript() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
                  <script>alert(document.cookie)</script>
                  <rect width="100" height="100" fill="red"/>
                </svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return """
                <!DOCTYPE html>
                <html><head><title>photo</title></head>
                <body><script>fetch('/admin/').then(r => r.text())</script></body></html>
                """.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] vtt() {
        return """
                WEBVTT

                00:00:00.000 --> 00:00:04.000
                The tower at dawn.
                """.getBytes(StandardCharsets.UTF_8);
    }
}
