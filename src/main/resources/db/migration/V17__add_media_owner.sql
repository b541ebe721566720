-- Media belong to editions (docs/media.md, ADR 0020): the edition of the upload owns an item, and whoever has a role
-- there may see and use it; so may whoever has a role in an edition whose stories already use it. uploaded_by lets
-- the uploader find an item that no edition owns yet.
alter table media
    add column edition_code text references edition (code),
    add column uploaded_by  bigint references app_user (id) on delete set null;
create index media_by_edition on media (edition_code, id);
create index media_by_uploader on media (uploaded_by, id) where uploaded_by is not null;
-- "Which stories use this item as main image?", asked for every item a newsroom user lists.
create index article_by_main_image on article (main_image_id) where main_image_id is not null;

-- Items stored before owners existed belong to the edition of the first story that shows them.
update media m set edition_code = (
    select a.edition_code from article a
    where a.main_image_id = m.id or a.body @> jsonb_build_array(jsonb_build_object('media', m.id))
    order by a.id limit 1)
where m.edition_code is null;
-- A poster belongs with its video.
update media p set edition_code = v.edition_code
from media v where v.poster_id = p.id and p.edition_code is null and v.edition_code is not null;
