-- API tokens for the admin API. Only a SHA-256 of each token is stored; the token is shown once, at creation.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null check (length(name) between 1 and 200),
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
