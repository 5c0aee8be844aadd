-- How many colleagues are in conference on the interaction: kept with the row (every join and leave changes it
-- anyway) so the common case — nobody — costs no look-up on every end, view and message.
ALTER TABLE interaction ADD COLUMN conference_size INTEGER NOT NULL DEFAULT 0 CHECK (conference_size >= 0);
