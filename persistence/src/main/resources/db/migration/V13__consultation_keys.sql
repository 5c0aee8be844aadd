-- Inserting a row that references an agent takes a key-share lock on that agent's row, which waits for any command
-- holding the agent FOR UPDATE. Consultation rows are written after the consultation's own row is locked, so those
-- waits would run against the lock order (agents, then the interaction, then everything else) and could close a
-- cycle with the agents' own commands. Who may be a party is checked in code (same tenant, a colleague); the
-- references to agents go, the one to the interaction (locked first) stays.
ALTER TABLE consultation DROP CONSTRAINT consultation_requester_id_fkey;
ALTER TABLE consultation DROP CONSTRAINT consultation_consulted_id_fkey;
ALTER TABLE consultation_message DROP CONSTRAINT consultation_message_author_id_fkey;
