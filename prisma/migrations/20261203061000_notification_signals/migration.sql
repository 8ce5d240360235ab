-- A reader's bell is live (lib/notifications/bell-stream.ts): whenever their
-- notifications change (one arrives, or is read in any tab), and whenever
-- their session may have ended (sign out everywhere, a password change, a
-- ban, a deleted account), the app instances holding their bell streams are
-- told on this channel. Triggers, so that every write path is covered and
-- the signal leaves with the commit; the payload is the user id only.
CREATE FUNCTION "signal_notifications_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('glossa_notification', owner) FROM (SELECT DISTINCT "userId" AS owner FROM changed) AS owners;
  RETURN NULL;
END;
$$;

-- Statement triggers with transition tables: "mark all read" on 500 rows is one trigger call and one signal.
CREATE TRIGGER "Notification_signal_insert"
  AFTER INSERT ON "Notification" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "signal_notifications_changed"();

CREATE TRIGGER "Notification_signal_update"
  AFTER UPDATE ON "Notification" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "signal_notifications_changed"();

CREATE FUNCTION "signal_session_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('glossa_notification', NEW.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_signal_session"
  AFTER UPDATE OF "sessionVersion", standing, "deletedAt" ON "User"
  FOR EACH ROW
  WHEN (OLD."sessionVersion" IS DISTINCT FROM NEW."sessionVersion" OR OLD.standing IS DISTINCT FROM NEW.standing OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION "signal_session_changed"();
