-- The scheduler asks every second, on every node, for published articles whose going public was not yet announced.
-- article_due held every published article, so that question read the whole archive each time; this index holds
-- only the articles still to announce (scheduled or embargoed ones, a handful), with the query's own condition.
create index article_to_announce on article (published_at)
    where status = 'published' and deleted_at is null
      and (announced_at is null or announced_at < greatest(published_at, coalesce(embargo_until, published_at)));

drop index article_due;

-- A topic page lists the topic's newest public stories. Through article_topic (indexed by topic only) that meant
-- joining every story of the topic and sorting them: the cost grew with the archive (half a second at 100,000
-- stories). article_topic now carries its article's publication time, kept equal by triggers whatever writes it,
-- and an index in page order, so a topic page reads its thirty rows and stops.
alter table article_topic add column published_at timestamptz;
update article_topic t set published_at = a.published_at from article a where a.id = t.article_id;

create function article_topic_take_published_at() returns trigger language plpgsql as $$
begin
    new.published_at := (select published_at from article where id = new.article_id);
    return new;
end $$;
create trigger article_topic_published_at before insert or update of article_id on article_topic
    for each row execute function article_topic_take_published_at();

create function article_give_published_at() returns trigger language plpgsql as $$
begin
    update article_topic set published_at = new.published_at where article_id = new.id;
    return null;
end $$;
create trigger article_published_at_to_topics after update of published_at on article
    for each row when (old.published_at is distinct from new.published_at)
    execute function article_give_published_at();

create index article_topic_by_topic_and_time on article_topic (topic_id, published_at, article_id);
drop index article_topic_by_topic;
