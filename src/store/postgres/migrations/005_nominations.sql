-- Nominations through the regional focal points: one per email, decided once by the core team.
CREATE TABLE nominations (
  id text PRIMARY KEY CHECK (id ~ '^N[0-9A-Z]{5}$'),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text CHECK (length(name) BETWEEN 1 AND 100),
  region text NOT NULL CHECK (region IN ('AFE', 'AFW', 'EAP', 'ECA', 'LAC', 'MENA', 'SAR')),
  focal_point text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text
);
CREATE UNIQUE INDEX nominations_email_key ON nominations (email);
CREATE INDEX nominations_focal_point ON nominations (focal_point);
CREATE INDEX nominations_status ON nominations (status, region, created_at, id);
