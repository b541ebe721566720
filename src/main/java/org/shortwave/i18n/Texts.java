package org.shortwave.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
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

    /**
     * The text for a key with arguments ({0}, {1}...) formatted by ICU's {@link MessageFormat} in the language's own
     * conventions: its digits, and its plural forms ({@code {0,plural,one{...} few{...} many{...} other{...}}}, which
     * Russian needs). A lone apostrophe is an apostrophe.
     */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), ULocale.forLocale(locale)).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
