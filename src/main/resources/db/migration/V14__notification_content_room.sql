-- A notification carries the notice's latest updates (up to 50 of 2,000 characters each, in the
-- Statuspage webhook's incident_updates): 20,000 characters refused the update of a long-running notice.
alter table notification alter column content set data type varchar(1000000);
