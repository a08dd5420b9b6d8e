-- Operators' alerts go through the same outbox as public changes, to the subscribers of their audience.
alter table notification add column audience varchar(16) default 'public' not null;

-- Proof-of-work solutions already accepted, so that each is accepted once on every instance; kept
-- until the challenge expires.
create table pow_spent (
    signature  varchar(128) not null primary key,
    expires_at timestamp(6) with time zone not null
);
create index pow_spent_expiry on pow_spent (expires_at);
