package org.shortwave.i18n.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.shortwave.i18n.Edition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EditionRepository {

    private static final String COLUMNS =
            "code, locale, name, site_name, direction, time_zone, is_default, copyright_holder, calendar, derived_from";

    private final JdbcClient jdbc;

    EditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Edition> findAll() {
        return jdbc.sql("select " + COLUMNS + " from edition order by position, code").query(EditionRepository::map).list();
    }

    public void insertIfMissing(Edition edition, int position) {
        jdbc.sql("""
                insert into edition (code, locale, name, site_name, direction, time_zone, is_default, position,
                                     copyright_holder, calendar, derived_from)
                values (:code, :locale, :name, :siteName, :direction, :timeZone, :isDefault, :position,
                        :copyright, :calendar, :derivedFrom)
                on conflict (code) do nothing""")
                .params(params(edition, position))
                .update();
    }

    /** Inserts or updates an edition (never its default flag); true if it was new. */
    public boolean upsert(Edition edition, int position) {
        return jdbc.sql("""
                insert into edition (code, locale, name, site_name, direction, time_zone, is_default, position,
                                     copyright_holder, calendar, derived_from)
                values (:code, :locale, :name, :siteName, :direction, :timeZone, false, :position,
                        :copyright, :calendar, :derivedFrom)
                on conflict (code) do update set locale = excluded.locale, name = excluded.name,
                    site_name = excluded.site_name, direction = excluded.direction, time_zone = excluded.time_zone,
                    position = excluded.position, copyright_holder = excluded.copyright_holder,
                    calendar = excluded.calendar, derived_from = excluded.derived_from, updated_at = now()
                returning (xmax = 0) as inserted""")
                .params(params(edition, position))
                .query(Boolean.class).single();
    }

    public int position(String code) {
        return jdbc.sql("select position from edition where code = ?").param(code).query(Integer.class).optional()
                .orElse(0);
    }

    private static java.util.Map<String, Object> params(Edition edition, int position) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("code", edition.code());
        params.put("locale", edition.languageTag());
        params.put("name", edition.name());
        params.put("siteName", edition.siteName());
        params.put("direction", edition.direction());
        params.put("timeZone", edition.timeZone().getId());
        params.put("isDefault", edition.isDefault());
        params.put("position", position);
        params.put("copyright", edition.copyrightHolder());
        params.put("calendar", edition.calendar());
        params.put("derivedFrom", edition.derivedFrom());
        return params;
    }

    private static Edition map(ResultSet rs, int row) throws SQLException {
        return new Edition(rs.getString("code"), Locale.forLanguageTag(rs.getString("locale")), rs.getString("name"),
                rs.getString("site_name"), rs.getString("direction"), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("is_default"), rs.getString("copyright_holder"), rs.getString("calendar"),
                rs.getString("derived_from"));
    }
}
