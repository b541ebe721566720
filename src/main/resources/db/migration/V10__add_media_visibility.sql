-- Media of articles the public may not see yet are not public either (docs/media.md): each item is restricted
-- until an article that shows it (main image, body image or video, or the video of a poster) is public.
alter table media add column visibility text not null default 'restricted'
    check (visibility in ('public', 'restricted'));

-- /media/** looks the file up by path on every request.
create index media_by_file on media (file_path);
create index media_by_captions on media (captions_path) where captions_path is not null;
create index media_rendition_by_file on media_rendition (file_path);
-- "Is this item shown by a public article?": containment in article bodies.
create index article_body_containment on article using gin (body jsonb_path_ops);

-- What was public before stays public: items shown by a public article now.
update media m set visibility = 'public'
where exists (
    select 1 from media v join article a
        on a.main_image_id = v.id or a.body @> jsonb_build_array(jsonb_build_object('media', v.id))
    where (v.id = m.id or v.poster_id = m.id)
      and a.status = 'published' and a.deleted_at is null and a.published_at <= now()
      and (a.embargo_until is null or a.embargo_until <= now()));
