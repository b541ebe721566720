package org.shortwave.editorial.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.shortwave.platform.Refusal;

/**
 * Times in the newsroom as the edition's desk reads them: in the edition's own time zone, with the zone named
 * (a schedule set for 15:33 in Shanghai reads 15:33 everywhere in its newsroom, not 07:33 UTC).
 */
public final class EditionTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    /** What a {@code datetime-local} input holds: minutes, no zone. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private EditionTime() {
    }

    /** {@code 2026-11-26 15:33 Asia/Shanghai}. */
    public static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** The value of a {@code datetime-local} input for this instant in the zone. */
    public static String input(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    /** A valid HTML {@code datetime} attribute: whole seconds and the zone's offset (never six fractional digits). */
    public static String machine(Instant instant, ZoneId zone) {
        return MACHINE.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** A {@code datetime-local} value read in the zone; blank means none. */
    static Instant parse(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.INVALID, field, "editor.invalid.time");
        }
    }
}
