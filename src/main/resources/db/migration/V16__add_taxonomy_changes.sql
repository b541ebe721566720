-- Sections, topics and people are edited in the newsroom: each change goes through the change log, so every node's
-- page cache evicts the pages that show them (the section menu is on every page of an edition). subject_id names the
-- section, topic or person changed: a removed one is no longer there to be looked up.
alter table change_log add column subject_id bigint;
alter table change_log drop constraint change_log_kind_check;
alter table change_log add constraint change_log_kind_check
    check (kind in ('article_saved', 'article_published', 'article_unpublished', 'article_deleted', 'lists_changed',
                    'edition_changed', 'section_changed', 'topic_changed', 'person_changed'));
