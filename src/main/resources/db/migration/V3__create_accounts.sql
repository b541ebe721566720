-- Newsroom accounts. Email is the login name, stored lower-case. Rights are per edition; admins have all.
create table app_user (
    id                  bigint generated always as identity primary key,
    email               text not null unique check (email = lower(email) and length(email) between 3 and 254),
    display_name        text not null check (length(display_name) between 1 and 200),
    password_hash       text not null,
    is_admin            boolean not null default false,
    enabled             boolean not null default true,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);

create table user_edition_role (
    user_id      bigint not null references app_user (id) on delete cascade,
    edition_code text not null references edition (code),
    role         text not null check (role in ('contributor', 'editor')),
    primary key (user_id, edition_code)
);

-- The one-time link that creates the first admin; only its hash is stored.
create table setup_token (
    token_hash text primary key,
    expires_at timestamptz not null
);

-- Who did what, to what, when. Never updated or deleted by the application.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    user_id     bigint references app_user (id),
    actor       text not null,
    action      text not null,
    target_type text,
    target_id   text,
    detail      text
);
create index audit_log_by_target on audit_log (target_type, target_id, at desc);
