-- Notices, their updates and templates may carry an English title and message beside the Chinese
-- ones; an English reader gets the Chinese text (marked as such) where none was written.

alter table notice add column title_en varchar(120);
alter table notice_update add column message_en varchar(2000);
alter table notice_template add column title_en varchar(120);
alter table notice_template add column message_en varchar(2000);
