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

    private static final String COLUMNS = "code, locale, name, site_name, direction, time_zone, is_default";

    private final JdbcClient jdbc;

    EditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Edition> findAll() {
        return jdbc.sql("select " + COLUMNS + " from edition order by position, code").query(EditionRepository::map).list();
    }

    public void insertIfMissing(Edition edition, int position) {
        jdbc.sql("""
                insert into edition (code, locale, name, site_name, direction, time_zone, is_default, position)
                values (:code, :locale, :name, :siteName, :direction, :timeZone, :isDefault, :position)
                on conflict (code) do nothing""")
                .param("code", edition.code())
                .param("locale", edition.languageTag())
                .param("name", edition.name())
                .param("siteName", edition.siteName())
                .param("direction", edition.direction())
                .param("timeZone", edition.timeZone().getId())
                .param("isDefault", edition.isDefault())
                .param("position", position)
                .update();
    }

    private static Edition map(ResultSet rs, int row) throws SQLException {
        return new Edition(rs.getString("code"), Locale.forLanguageTag(rs.getString("locale")), rs.getString("name"),
                rs.getString("site_name"), rs.getString("direction"), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("is_default"));
    }
}
