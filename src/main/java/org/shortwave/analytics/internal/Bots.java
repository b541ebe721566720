package org.shortwave.analytics.internal;

import java.util.regex.Pattern;

/** Known robots, by User-Agent. Their requests are not reader views. A missing User-Agent counts as a robot. */
public final class Bots {

    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|fetch|scan|monitor|preview|headless|phantom|lighthouse|pingdom|"
                    + "curl|wget|python|java/|okhttp|go-http|httpclient|libwww|axios|node-fetch|facebookexternalhit|"
                    + "embedly|bingpreview|feed|rss",
            Pattern.CASE_INSENSITIVE);

    private Bots() {
    }

    public static boolean isRobot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || ROBOT.matcher(userAgent).find();
    }
}
