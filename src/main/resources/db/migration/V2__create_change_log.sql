-- Every content write appends a row here in its own transaction. Every node follows this table (LISTEN/NOTIFY for
-- speed, polling by seq to catch up) to update its caches and search index. No foreign key: the record of a change
-- outlives what it changed.
create table change_log (
    seq          bigint generated always as identity primary key,
    kind         text not null check (kind in ('article_saved', 'article_published', 'article_unpublished',
                                               'article_deleted', 'lists_changed')),
    article_id   bigint,
    edition_code text,
    at           timestamptz not null default now()
);
