-- Announcements by the organisers; a form under way may now be one being written (forms.kind 'announce').
CREATE TABLE announcements (
  id text PRIMARY KEY CHECK (id ~ '^A[0-9A-Z]{5}$'),
  created_by text NOT NULL,
  audience jsonb NOT NULL,
  text_en text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 1500),
  text_fr text CHECK (length(text_fr) BETWEEN 1 AND 1500),
  text_ar text CHECK (length(text_ar) BETWEEN 1 AND 1500),
  send_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
  created_at timestamptz NOT NULL,
  sent integer NOT NULL DEFAULT 0 CHECK (sent >= 0),
  unreachable integer NOT NULL DEFAULT 0 CHECK (unreachable >= 0),
  closed_at timestamptz
);
CREATE INDEX announcements_due ON announcements (status, send_at, id);
CREATE INDEX announcements_created_by ON announcements (created_by);

ALTER TABLE forms DROP CONSTRAINT forms_kind_check;
ALTER TABLE forms ADD CONSTRAINT forms_kind_check CHECK (kind IN ('registration', 'feedback', 'announce'));
