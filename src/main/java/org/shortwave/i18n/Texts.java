package org.shortwave.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The interface texts of one language. */
public final class Texts {

    private final Locale locale;
    private final ResourceBundle bundle;

    Texts(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The text for a key; throws if the language lacks it, so a missing translation fails loudly in tests. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The text for a key with {@link MessageFormat} arguments ({0}, {1}...) in the language's own conventions. */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
