-- The relay is woken in-process after each commit of its own instance and polls for the rest: the
-- NOTIFY at every commit that wrote events serialised the commits of the whole PostgreSQL cluster on
-- one lock (PostgreSQL's notification queue), which bounded the writes of every service.
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION outbox_notify();
