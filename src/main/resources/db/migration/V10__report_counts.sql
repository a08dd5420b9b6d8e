-- User reports ("is it just me?"): only counts per channel, symptom and minute. No address, no
-- cookie, no user agent: a row says "this many people reported this symptom in this minute".
-- Instances add their counts into the same row (upsert), so several instances add up.
-- Written once for H2 and PostgreSQL alike.

create table report_count (
    channel_slug varchar(64) not null,
    symptom      varchar(20) not null,
    minute_start timestamp(6) with time zone not null,
    reports      bigint      not null,
    primary key (channel_slug, symptom, minute_start)
);
-- the read model and the detector read recent minutes of every channel
create index report_count_minute on report_count (minute_start);
