-- The latest changes of a channel, newest first, without sorting its whole history (H2 reads an
-- index only forwards; PostgreSQL could do without, and is not hurt).
create index channel_state_change_recent on channel_state_change (channel_id, changed_at desc, id desc);
