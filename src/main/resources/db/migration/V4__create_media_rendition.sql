-- Smaller copies of an image for responsive pages (srcset): same aspect ratio, narrower than the original, stored
-- under their own content hash. Made when an image is accepted; never wider than the original.
create table media_rendition (
    media_id     bigint not null references media (id) on delete cascade,
    width        int not null check (width > 0),
    height       int not null check (height > 0),
    file_path    text not null check (file_path ~ '^[a-z0-9/._-]+$'),
    content_type text not null,
    byte_size    bigint not null check (byte_size >= 0),
    primary key (media_id, width)
);
