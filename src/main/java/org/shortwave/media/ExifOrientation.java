package org.shortwave.media;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF Orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment): how a camera held sideways
 * wants its picture turned. Re-encoding drops all metadata, so the turn is applied to the pixels instead, or phone
 * photos would appear on their side.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The orientation, 1 (as stored) to 8; 1 when the file has none or it cannot be read. */
    static int of(byte[] jpeg) {
        int position = 2; // after SOI
        while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
            int marker = jpeg[position + 1] & 0xFF;
            int length = u16(jpeg, position + 2, false);
            if (marker == 0xDA || length < 2) {
                return 1; // image data begins: no EXIF before it
            }
            int data = position + 4;
            if (marker == 0xE1 && data + 14 <= jpeg.length && new String(jpeg, data, 6,
                    java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return fromTiff(jpeg, data + 6, Math.min(jpeg.length, position + 2 + length));
            }
            position += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] bytes, int tiff, int end) {
        boolean little = bytes[tiff] == 'I';
        long ifd = tiff + u32(bytes, tiff + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(bytes, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(bytes, entry, little) == 0x0112) {
                int value = u16(bytes, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned and mirrored as the orientation asks. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.translate(h, w); t.rotate(Math.PI / 2); t.scale(-1, 1); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    private static int u16(byte[] b, int at, boolean little) {
        if (at + 2 > b.length) {
            return 0;
        }
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean little) {
        if (at + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
