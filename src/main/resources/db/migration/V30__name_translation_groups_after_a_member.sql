-- A translation group is named after one of its members (content.Translations.link). Before, a group kept the
-- name of an article that had left it, and a new group started by that article took in the old one's versions
-- (a second version in one edition, refused by article_one_version_per_edition). Rename such groups.
update article a
set translation_group = g.first
from (select translation_group as name, min(id) as first from article where translation_group is not null
      group by translation_group) g
where a.translation_group = g.name
  and not exists (select 1 from article m where m.id = g.name and m.translation_group = g.name);
