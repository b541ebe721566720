package org.shortwave.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.shortwave.media.RejectedUploadException.Reason;

/**
 * Turns an uploaded image into files we made ourselves: its size is read from the header and checked before a
 * single pixel is decoded; then it is decoded (any warning, such as a truncated file, is a refusal), turned upright
 * (EXIF orientation), and written anew as JPEG, or as PNG when it has transparent pixels, with no metadata (no
 * EXIF, no GPS position, no comments, nothing appended after the image). Smaller copies are made at the configured
 * widths.
 */
final class ImageReencoder {

    /** The re-encoded image and its smaller copies, narrowest first. */
    record Result(Encoded image, List<Encoded> renditions) {
    }

    record Encoded(byte[] bytes, String extension, int width, int height) {
    }

    private static final float JPEG_QUALITY = 0.85f;

    private final MediaLimits limits;
    private final Semaphore decoding;

    ImageReencoder(MediaLimits limits) {
        this.limits = limits;
        this.decoding = new Semaphore(Math.max(1, limits.maxConcurrentDecodes()), true);
        ImageIO.scanForPlugins(); // the WebP reader, also when running from the application jar
    }

    Result reencode(byte[] bytes, FileType type, String field) {
        ImageReader reader = reader(type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw unreadable(field);
            }
            checkSize(width, height, field);
            decoding.acquireUninterruptibly();
            try {
                BufferedImage image = decode(reader, field);
                if (type == FileType.JPEG) {
                    image = ExifOrientation.apply(image, ExifOrientation.of(bytes));
                }
                return encodeAll(image);
            } finally {
                decoding.release();
            }
        } catch (IOException e) {
            throw unreadable(field);
        } finally {
            reader.dispose();
        }
    }

    private void checkSize(int width, int height, String field) {
        if (width <= 0 || height <= 0) {
            throw unreadable(field);
        }
        if (width > limits.maxImageSide() || height > limits.maxImageSide()
                || (long) width * height > limits.maxImagePixels()) {
            throw new RejectedUploadException(Reason.TOO_LARGE, field, "media.image.too-many-pixels", width, height,
                    limits.maxImagePixels() / 1_000_000, limits.maxImageSide());
        }
    }

    private static BufferedImage decode(ImageReader reader, String field) {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable(field);
        }
        // A truncated JPEG decodes "successfully" with a warning and a grey lower half: that is a broken file.
        if (!warnings.isEmpty() || image == null) {
            throw unreadable(field);
        }
        return image;
    }

    private Result encodeAll(BufferedImage decoded) {
        boolean transparent = hasTransparentPixels(decoded);
        BufferedImage image = normalized(decoded, transparent);
        String extension = transparent ? "png" : "jpg";
        Encoded original = encode(image, extension);
        List<Encoded> renditions = new ArrayList<>();
        for (int width : limits.renditionWidths()) {
            if (width < image.getWidth()) {
                int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
                renditions.add(encode(resized(image, width, height), extension));
            }
        }
        return new Result(original, List.copyOf(renditions));
    }

    private static boolean hasTransparentPixels(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        var alpha = image.getAlphaRaster();
        if (alpha == null) {
            // Indexed colours with a transparent entry: look at the pixels themselves.
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (image.getRGB(x, y) >>> 24 != 0xFF) {
                        return true;
                    }
                }
            }
            return false;
        }
        int max = (1 << image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1)) - 1;
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, image.getWidth(), 1, 0, row);
            for (int a : row) {
                if (a != max) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plain 8-bit RGB (or ARGB), whatever the source's palette, bit depth or colour model. */
    private static BufferedImage normalized(BufferedImage image, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** Scales down in halving steps, then to the exact size: a single bilinear step from far away aliases. */
    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width) {
            current = scaled(current, current.getWidth() / 2, Math.max(height, current.getHeight() / 2));
        }
        return current.getWidth() == width && current.getHeight() == height ? current : scaled(current, width, height);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, image.getType());
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    /** Writes pixels only: no metadata is passed to the writer, so none is written. */
    private static Encoded encode(BufferedImage image, String extension) {
        ImageWriter writer = ImageIO.getImageWritersBySuffix(extension).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (extension.equals("jpg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // a first view sooner on slow networks
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), extension, image.getWidth(), image.getHeight());
    }

    private static ImageReader reader(FileType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        return readers.next();
    }

    private static RejectedUploadException unreadable(String field) {
        return new RejectedUploadException(Reason.UNREADABLE, field, "media.image.unreadable");
    }
}
