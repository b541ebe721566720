-- Preview links to share with a colleague (issue 17, ADR 0019): each opens one revision of one article, for a
-- signed-in newsroom user who may view that article, until it expires. Only a SHA-256 of the token is stored.
create table preview_link (
    token_hash  text primary key,
    article_id  bigint not null references article (id) on delete cascade,
    version     int not null,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index preview_link_expiry on preview_link (expires_at);
