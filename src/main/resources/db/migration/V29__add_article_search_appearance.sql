-- How a story shows in search results and link cards (issue 17): blank texts and a null image mean the default
-- (the lead, the headline, the main image).
alter table article
    add column search_description text not null default '' check (length(search_description) <= 300),
    add column social_title       text not null default '' check (length(social_title) <= 200),
    add column social_image_id    bigint references media (id);
