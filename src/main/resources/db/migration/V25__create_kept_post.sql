-- An editor form posted after its session ended (ADR 0021): kept for a while under the hash of a random token that
-- only the posting browser holds (a cookie), and handed to whoever signs in with that browser as a draft to review.
create table kept_post (
    token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    action      text not null check (action ~ '^/admin/articles/(new|[1-9][0-9]{0,17})$'),
    op          text not null default 'save' check (length(op) <= 40),
    form        jsonb not null check (jsonb_typeof(form) = 'object'),
    chars       int not null check (chars >= 0),
    kept_at     timestamptz not null,
    expires_at  timestamptz not null
);
create index kept_post_by_expiry on kept_post (expires_at);
