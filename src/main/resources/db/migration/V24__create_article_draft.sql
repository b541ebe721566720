-- Autosaved editor text (ADR 0021): one unvalidated draft per user and article, or per user and draft key for an
-- article not yet created. Overwritten on every autosave, so its cost does not grow with the article's revisions;
-- never a revision, never read by any public surface.
create table article_draft (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    article_id    bigint references article (id) on delete cascade,
    draft_key     uuid,
    edition_code  text not null references edition (code),
    -- The article version the text was written on (0 for a new article): an older one than the article's is a
    -- conflict shown with both texts.
    base_version  int not null default 0,
    -- The editor form's fields as posted: {"headline": ["..."], "blocks.0.text": ["..."], ...}.
    form          jsonb not null check (jsonb_typeof(form) = 'object'),
    saved_at      timestamptz not null,
    check ((article_id is null) <> (draft_key is null))
);
create unique index article_draft_per_article on article_draft (user_id, article_id) where article_id is not null;
create unique index article_draft_per_key on article_draft (user_id, draft_key) where draft_key is not null;
create index article_draft_by_age on article_draft (saved_at);
