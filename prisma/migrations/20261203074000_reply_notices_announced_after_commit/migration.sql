-- Reply notices are written by the comment's own statement, and a NOTIFY
-- inside a transaction holds a cluster-wide lock until its commit is
-- flushed, which is why discussion events are announced after the commit
-- (lib/live/publish.ts: 130 comments/s with NOTIFY inside). The app
-- announces the readers a comment noticed the same way (announceBellChanges);
-- the trigger keeps every other insert (moderation notices, report outcomes,
-- mentions) and every read.
CREATE OR REPLACE FUNCTION "signal_notifications_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('glossa_notification', owner) FROM (SELECT DISTINCT "userId" AS owner FROM changed WHERE kind <> 'REPLY') AS owners;
  ELSE
    PERFORM pg_notify('glossa_notification', owner) FROM (SELECT DISTINCT "userId" AS owner FROM changed) AS owners;
  END IF;
  RETURN NULL;
END;
$$;
