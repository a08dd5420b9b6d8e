-- Audit details are JSON from now on ({"changes": [{"field", "before", "after"}], "notes": {...}}):
-- room for several fields' before and after. Older rows keep their plain text; the page shows it as is.
alter table audit_event alter column details set data type varchar(16000);
