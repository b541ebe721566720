-- API tokens may expire: a token made for a one-off import should not live for ever. Null means no expiry.
alter table api_token add column expires_at timestamptz;
create index api_token_by_user on api_token (user_id, created_at desc);
