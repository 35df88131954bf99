-- A subscription's channel as people know it (#general), shown in the organisers' lists.
ALTER TABLE subscriptions ADD COLUMN channel_name text CHECK (length(channel_name) <= 200);

-- A download made when served (every registration as CSV, a page at a time) rather than stored whole.
ALTER TABLE downloads ADD COLUMN source text CHECK (source IN ('registrations-csv'));

-- Values every instance reads and any may set: the version of the content last reloaded, so the other instances
-- follow a `reload` without a restart.
CREATE TABLE settings (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{0,63}$'),
  value text NOT NULL CHECK (length(value) <= 1000),
  updated_at timestamptz NOT NULL DEFAULT now()
);
