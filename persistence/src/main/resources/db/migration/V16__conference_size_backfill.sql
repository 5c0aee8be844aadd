-- conference_size counts the colleagues in conference; a database that had open conferences before V14 added the
-- column starts from the participations themselves, so nothing is left open or stuck after the upgrade.
UPDATE interaction i
   SET conference_size = (SELECT count(*) FROM interaction_participation p
                           WHERE p.interaction_id = i.id AND p.kind = 'CONFERENCED' AND p.ended_at IS NULL)
 WHERE EXISTS (SELECT 1 FROM interaction_participation p
                WHERE p.interaction_id = i.id AND p.kind = 'CONFERENCED' AND p.ended_at IS NULL);
