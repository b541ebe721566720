package org.shortwave.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/** The database's own codes, read from real PostgreSQL refusals (not from the wording of their messages). */
class SqlStatesIT extends AppTestBase {

    @Test
    void aForeignKeyViolationIsToldFromACheckViolation() {
        Throwable missingEdition = catchThrowable(() -> jdbc.sql(
                "insert into section (edition_code, slug, name, position) values ('no-such-edition', 'x', 'x', 1)")
                .update());
        assertThat(SqlStates.is(missingEdition, SqlStates.FOREIGN_KEY_VIOLATION)).as(String.valueOf(missingEdition))
                .isTrue();
        assertThat(SqlStates.is(missingEdition, SqlStates.CHECK_VIOLATION)).isFalse();

        Throwable badSlug = catchThrowable(() -> jdbc.sql(
                "insert into section (edition_code, slug, name, position) values ('en', 'not a slug!', 'x', 1)")
                .update());
        assertThat(SqlStates.is(badSlug, SqlStates.CHECK_VIOLATION)).as(String.valueOf(badSlug)).isTrue();
        assertThat(SqlStates.is(badSlug, SqlStates.FOREIGN_KEY_VIOLATION)).isFalse();
    }
}
