-- State that every node must see alike, kept in the one database the nodes share (no cluster protocol of our own).
-- Unlogged: it is short-lived and may be lost in a crash (a missed "someone else has this open" warning, a sign-in
-- throttle that starts counting again); in exchange writing it costs no WAL.

-- Who has which article open in the editor, so that a second editor is warned whichever node serves them.
create unlogged table editing_presence (
    article_id bigint not null,
    user_label text not null check (length(user_label) <= 400),
    opened_at  timestamptz not null,
    primary key (article_id, user_label)
);
create index editing_presence_by_time on editing_presence (opened_at);

-- Failed sign-ins by email and by client address, for the sign-in throttle across nodes.
create unlogged table login_failure (
    throttle_key text not null check (length(throttle_key) <= 400),
    failed_at    timestamptz not null
);
create index login_failure_by_key on login_failure (throttle_key, failed_at);
create index login_failure_by_time on login_failure (failed_at);
