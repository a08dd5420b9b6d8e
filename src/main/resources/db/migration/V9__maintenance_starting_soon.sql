-- When the scheduler announced that a window starts within the hour (MaintenanceStartingSoon), so
-- that the announcement goes out once per window, across restarts and instances.
alter table maintenance add column soon_announced_at timestamp(6) with time zone;
