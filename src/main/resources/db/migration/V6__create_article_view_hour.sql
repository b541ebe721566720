-- Page views per article and hour, from the privacy-preserving beacon (org.shortwave.analytics): counts only, no
-- reader data of any kind. Rows are added to by each node's periodic flush.
create table article_view_hour (
    article_id   bigint not null references article (id) on delete cascade,
    edition_code text not null references edition (code),
    hour         timestamptz not null check (date_trunc('hour', hour) = hour),
    views        bigint not null check (views >= 0),
    primary key (article_id, hour)
);
create index article_view_hour_by_edition on article_view_hour (edition_code, hour);
