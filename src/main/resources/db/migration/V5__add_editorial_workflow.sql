-- The newsroom's workflow: review, scheduling, embargo, optimistic locking, revisions and public notes.
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
    check (status in ('draft', 'in_review', 'published', 'unpublished'));

alter table article
    add column version       int not null default 1,
    add column created_by    bigint references app_user (id),
    add column updated_by    bigint references app_user (id),
    -- Not public before this time, even when published (DESIGN.md: the one visibility rule).
    add column embargo_until timestamptz,
    -- When the article's becoming public was announced on the change log; the scheduler announces scheduled and
    -- embargoed articles when their time comes, exactly once.
    add column announced_at  timestamptz;

update article set announced_at = published_at where status = 'published';

create index article_due on article (published_at) where status = 'published' and deleted_at is null;

-- Every save keeps the whole editable article as it was.
create table article_revision (
    article_id bigint not null references article (id) on delete cascade,
    version    int not null,
    saved_at   timestamptz not null default now(),
    saved_by   bigint references app_user (id),
    status     text not null,
    snapshot   jsonb not null,
    primary key (article_id, version)
);

-- Corrections and update notes, shown on the public page with their time.
create table article_note (
    id         bigint generated always as identity primary key,
    article_id bigint not null references article (id) on delete cascade,
    kind       text not null check (kind in ('correction', 'update')),
    text       text not null check (length(text) between 1 and 2000),
    at         timestamptz not null,
    created_by bigint references app_user (id)
);
create index article_note_by_article on article_note (article_id, at);
