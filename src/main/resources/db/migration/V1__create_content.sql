-- Editions: one per language site. The code is the URL segment.
create table edition (
    code        text primary key check (code ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'),
    locale      text not null,
    name        text not null,
    site_name   text not null,
    direction   text not null check (direction in ('ltr', 'rtl')),
    time_zone   text not null,
    is_default  boolean not null default false,
    position    int not null default 0
);
create unique index edition_one_default on edition (is_default) where is_default;

create table section (
    id           bigint generated always as identity primary key,
    edition_code text not null references edition (code),
    slug         text not null check (slug ~ '^[\w-]{1,80}$'),
    name         text not null check (length(name) between 1 and 80),
    position     int not null default 0,
    unique (edition_code, slug)
);

create table topic (
    id           bigint generated always as identity primary key,
    edition_code text not null references edition (code),
    slug         text not null check (slug ~ '^[\w-]{1,80}$'),
    name         text not null check (length(name) between 1 and 80),
    unique (edition_code, slug)
);

-- Authors, and people quoted. latin_name carries the Latin-script form of a name written in another script.
create table person (
    id           bigint generated always as identity primary key,
    source_key   text unique,
    name         text not null check (length(name) between 1 and 200),
    latin_name   text check (length(latin_name) <= 200),
    description  text check (length(description) <= 300)
);

-- Media items. Files live under the data directory, named by content hash; several items (e.g. the same photo
-- with alt text in two languages) may share one file.
create table media (
    id                bigint generated always as identity primary key,
    source_key        text unique,
    kind              text not null check (kind in ('image', 'video')),
    file_path         text not null check (file_path ~ '^[a-z0-9/._-]+$'),
    content_type      text not null,
    byte_size         bigint not null check (byte_size >= 0),
    width             int check (width > 0),
    height            int check (height > 0),
    alt_text          text check (length(alt_text) <= 1000),
    caption           text check (length(caption) <= 1000),
    credit            text check (length(credit) <= 300),
    title             text check (length(title) <= 300),
    duration_seconds  int check (duration_seconds >= 0),
    poster_id         bigint references media (id),
    captions_path     text check (captions_path ~ '^[a-z0-9/._-]+$'),
    captions_lang     text,
    created_at        timestamptz not null default now(),
    check (kind <> 'image' or (width is not null and height is not null and alt_text is not null)),
    check (kind <> 'video' or (duration_seconds is not null and title is not null))
);

create table article (
    id                bigint generated always as identity primary key,
    source_key        text unique,
    edition_code      text not null references edition (code),
    section_id        bigint not null references section (id),
    headline          text not null check (length(headline) between 1 and 300),
    slug              text not null check (slug ~ '^[\w-]{1,120}$'),
    lead              text not null default '' check (length(lead) <= 2000),
    dateline          text not null default '' check (length(dateline) <= 100),
    body              jsonb not null check (jsonb_typeof(body) = 'array'),
    main_image_id     bigint references media (id),
    status            text not null check (status in ('draft', 'published', 'unpublished')),
    published_at      timestamptz,
    updated_at        timestamptz,
    created_at        timestamptz not null default now(),
    deleted_at        timestamptz,
    copyright_holder  text not null check (length(copyright_holder) between 1 and 200),
    check (status <> 'published' or published_at is not null)
);
create index article_public_by_edition on article (edition_code, published_at desc) where status = 'published' and deleted_at is null;
create index article_public_by_section on article (section_id, published_at desc) where status = 'published' and deleted_at is null;

create table article_author (
    article_id bigint not null references article (id) on delete cascade,
    person_id  bigint not null references person (id),
    position   int not null,
    primary key (article_id, person_id)
);

create table article_topic (
    article_id bigint not null references article (id) on delete cascade,
    topic_id   bigint not null references topic (id),
    primary key (article_id, topic_id)
);
create index article_topic_by_topic on article_topic (topic_id);

-- Editor-picked related content, in the editor's order.
create table article_related (
    article_id bigint not null references article (id) on delete cascade,
    related_id bigint not null references article (id) on delete cascade,
    position   int not null,
    primary key (article_id, related_id),
    check (article_id <> related_id)
);

-- Editor-curated top stories per edition (until most-read rankings exist).
create table top_story (
    edition_code text not null references edition (code),
    article_id   bigint not null references article (id) on delete cascade,
    position     int not null,
    primary key (edition_code, article_id)
);
