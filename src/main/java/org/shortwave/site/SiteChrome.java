package org.shortwave.site;

import java.time.Clock;
import java.util.List;
import org.shortwave.cache.ReadModel;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Messages;
import org.shortwave.i18n.Texts;
import org.shortwave.platform.PublicUrl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the {@link Chrome} of a public page. */
@Component
public class SiteChrome {

    private final Editions editions;
    private final Messages messages;
    private final Taxonomy taxonomy;
    private final ResourceUrlProvider resourceUrls;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final ReadModel readModel;

    SiteChrome(Editions editions, Messages messages, Taxonomy taxonomy, ResourceUrlProvider resourceUrls, Clock clock,
            PublicUrl publicUrl, ReadModel readModel) {
        this.readModel = readModel;
        this.editions = editions;
        this.messages = messages;
        this.taxonomy = taxonomy;
        this.resourceUrls = resourceUrls;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public Texts texts(Edition edition) {
        return messages.forEdition(edition);
    }

    /** The fingerprinted URL of a static asset, e.g. {@code /assets/site.css}. */
    public String asset(String path) {
        String url = resourceUrls.getForLookupPath(path);
        return url == null ? path : url;
    }

    public Chrome of(Edition edition, String title, String canonicalPath) {
        String code = edition.code();
        return of(edition, title, canonicalPath, readModel.get("sections:" + code, () -> taxonomy.sections(code),
                sections -> List.of(SurrogateKeys.taxonomy(code))));
    }

    /** The chrome with no section menu: for the error page while the database (which holds the menu) is away. */
    public Chrome withoutDatabase(Edition edition, String title) {
        return of(edition, title, null, List.of());
    }

    private Chrome of(Edition edition, String title, String canonicalPath, List<Section> sections) {
        String stylesheet = resourceUrls.getForLookupPath("/assets/site.css");
        return new Chrome(edition, messages.forEdition(edition), sections,
                editions.all().stream().filter(e -> !e.code().equals(edition.code())).toList(),
                stylesheet == null ? "/assets/site.css" : stylesheet, title, canonicalPath,
                canonicalPath == null ? null : publicUrl.of(canonicalPath),
                edition.year(clock.instant()), clock.instant());
    }
}
