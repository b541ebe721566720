-- The review conversation: a note given with a workflow action (submit, send back, publish, schedule, withdraw),
-- kept with the article and shown to its writer and editors in the editor. Never public.
create table review_note (
    id          bigint generated always as identity primary key,
    article_id  bigint not null references article (id) on delete cascade,
    action      text not null check (action in ('submit', 'reject', 'publish', 'schedule', 'withdraw', 'unpublish')),
    text        text not null check (length(text) between 1 and 2000),
    at          timestamptz not null,
    created_by  bigint references app_user (id)
);
create index review_note_by_article on review_note (article_id, at);
