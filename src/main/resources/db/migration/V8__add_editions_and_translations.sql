-- Editions are data an admin edits (docs/editions.md); translations link the language versions of one story;
-- a derived edition (zh-hant) follows its source edition (zh-hans) by script conversion.

alter table edition
    add column copyright_holder text check (length(copyright_holder) between 1 and 200),
    -- The calendar dates are shown in (ICU keyword value); the Gregorian date is always in <time datetime>.
    add column calendar         text not null default 'gregorian'
        check (calendar in ('gregorian', 'persian', 'islamic-umalqura', 'buddhist', 'japanese', 'roc')),
    -- An edition whose articles are converted automatically from another's (zh-hant from zh-hans).
    add column derived_from     text references edition (code) check (derived_from <> code),
    add column updated_at       timestamptz not null default now();
update edition set copyright_holder = site_name;
alter table edition alter column copyright_holder set not null;
alter table edition add constraint edition_name_length check (length(name) between 1 and 80 and length(site_name) between 1 and 80);

-- An edition change tells every node to reload its editions.
alter table change_log drop constraint change_log_kind_check;
alter table change_log add constraint change_log_kind_check
    check (kind in ('article_saved', 'article_published', 'article_unpublished', 'article_deleted', 'lists_changed',
                    'edition_changed'));

-- Versions of one story in several editions share a translation group (the id of the article that started it);
-- at most one version per edition.
alter table article
    add column translation_group bigint,
    -- A derived article: its source, and the source version it was last converted from. derivation_followed is
    -- false once an editor has taken the article over (it then no longer follows the source).
    add column derived_from        bigint references article (id) on delete set null,
    add column derived_version     int,
    add column derivation_followed boolean not null default true;
create unique index article_one_version_per_edition on article (translation_group, edition_code)
    where translation_group is not null;
create unique index article_one_derivation on article (derived_from, edition_code) where derived_from is not null;
