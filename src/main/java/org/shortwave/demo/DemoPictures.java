package org.shortwave.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo site's photos: simple landscapes made from a scene name and a seed. They are the project's own
 * pictures, so the demo needs no image from anywhere else, and the same seed always gives the same picture.
 */
final class DemoPictures {

    static final int WIDTH = 1200;
    static final int HEIGHT = 675;

    private DemoPictures() {
    }

    static byte[] jpeg(String scene, long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed * 7919 + scene.hashCode());
        switch (scene) {
            case "sea" -> sea(g, random);
            case "city" -> city(g, random);
            case "hills" -> hills(g, random);
            case "fields" -> fields(g, random);
            case "sky" -> sky(g, random, HEIGHT);
            default -> throw new IllegalArgumentException("unknown demo scene: " + scene);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sky(Graphics2D g, Random random, int horizon) {
        float hue = 0.5f + random.nextFloat() * 0.15f;
        Color top = Color.getHSBColor(hue, 0.55f, 0.55f + random.nextFloat() * 0.2f);
        Color bottom = Color.getHSBColor(0.05f + random.nextFloat() * 0.08f, 0.35f, 0.95f);
        g.setPaint(new GradientPaint(0, 0, top, 0, horizon, bottom));
        g.fillRect(0, 0, WIDTH, horizon);
        int sunX = 150 + random.nextInt(WIDTH - 300);
        int sunY = horizon / 4 + random.nextInt(Math.max(1, horizon / 3));
        g.setColor(new Color(255, 236, 190, 220));
        g.fill(new Ellipse2D.Double(sunX - 45, sunY - 45, 90, 90));
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(255, 255, 255, 60 + random.nextInt(60)));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(Math.max(1, horizon * 2 / 3));
            g.fill(new Ellipse2D.Double(x, y, 160 + random.nextInt(220), 30 + random.nextInt(30)));
        }
    }

    private static void sea(Graphics2D g, Random random) {
        int horizon = HEIGHT / 2 + random.nextInt(80) - 40;
        sky(g, random, horizon);
        g.setPaint(new GradientPaint(0, horizon, new Color(40, 90, 120), 0, HEIGHT, new Color(10, 35, 60)));
        g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
        g.setStroke(new BasicStroke(2f));
        for (int y = horizon + 8; y < HEIGHT; y += 6 + (y - horizon) / 12) {
            g.setColor(new Color(200, 225, 240, 40 + random.nextInt(50)));
            int x = random.nextInt(WIDTH);
            g.drawLine(x, y, x + 40 + random.nextInt(160), y);
        }
        // A lighthouse on a headland.
        int baseX = 80 + random.nextInt(WIDTH / 3);
        g.setColor(new Color(30, 35, 40));
        g.fillRect(baseX - 80, horizon - 10, 220, 14);
        g.setColor(new Color(235, 235, 230));
        g.fill(new Polygon(new int[] {baseX, baseX + 40, baseX + 32, baseX + 8},
                new int[] {horizon - 10, horizon - 10, horizon - 150, horizon - 150}, 4));
        g.setColor(new Color(170, 40, 40));
        g.fillRect(baseX + 4, horizon - 170, 32, 22);
    }

    private static void city(Graphics2D g, Random random) {
        int ground = HEIGHT - 90;
        sky(g, random, ground);
        int x = 0;
        while (x < WIDTH) {
            int width = 50 + random.nextInt(90);
            int height = 120 + random.nextInt(330);
            int shade = 40 + random.nextInt(50);
            g.setColor(new Color(shade, shade + 5, shade + 20));
            g.fillRect(x, ground - height, width, height);
            for (int wy = ground - height + 12; wy < ground - 12; wy += 22) {
                for (int wx = x + 8; wx < x + width - 12; wx += 18) {
                    if (random.nextInt(3) == 0) {
                        g.setColor(new Color(250, 215, 120, 200));
                        g.fillRect(wx, wy, 8, 11);
                    }
                }
            }
            x += width + 4 + random.nextInt(10);
        }
        g.setColor(new Color(35, 35, 38));
        g.fillRect(0, ground, WIDTH, HEIGHT - ground);
    }

    private static void hills(Graphics2D g, Random random) {
        sky(g, random, HEIGHT);
        for (int layer = 0; layer < 4; layer++) {
            int base = HEIGHT / 2 + layer * 70;
            float brightness = 0.75f - layer * 0.15f;
            g.setColor(Color.getHSBColor(0.3f + random.nextFloat() * 0.08f, 0.35f + layer * 0.1f, brightness));
            Path2D ridge = new Path2D.Double();
            ridge.moveTo(0, HEIGHT);
            ridge.lineTo(0, base);
            for (int x = 0; x <= WIDTH; x += 60) {
                ridge.lineTo(x, base - random.nextInt(90) + 30);
            }
            ridge.lineTo(WIDTH, HEIGHT);
            ridge.closePath();
            g.fill(ridge);
        }
    }

    private static void fields(Graphics2D g, Random random) {
        int horizon = HEIGHT * 2 / 5;
        sky(g, random, horizon);
        int stripes = 10 + random.nextInt(6);
        for (int i = 0; i < stripes; i++) {
            float hue = random.nextBoolean() ? 0.2f + random.nextFloat() * 0.1f : 0.1f + random.nextFloat() * 0.05f;
            g.setColor(Color.getHSBColor(hue, 0.55f, 0.45f + random.nextFloat() * 0.35f));
            int topLeft = WIDTH / 2 + (i - stripes / 2) * 30;
            int bottomLeft = (int) ((double) i / stripes * WIDTH * 2.2 - WIDTH * 0.6);
            int bottomRight = (int) ((double) (i + 1) / stripes * WIDTH * 2.2 - WIDTH * 0.6);
            g.fill(new Polygon(new int[] {topLeft, topLeft + 30, bottomRight, bottomLeft},
                    new int[] {horizon, horizon, HEIGHT, HEIGHT}, 4));
        }
    }
}
