-- Conferences (issue 9, CO2): a colleague joins a live chat or call next to its holder. Their part is a
-- participation like a transfer offer, counted against their capacity and engaged for blending while it lasts.
ALTER TABLE interaction_participation DROP CONSTRAINT interaction_participation_kind_check;
ALTER TABLE interaction_participation ADD CONSTRAINT interaction_participation_kind_check
    CHECK (kind IN ('TRANSFER_OFFER', 'HANDED_OVER', 'CONFERENCED'));

-- The holder invited the colleague consulted to join the conversation.
ALTER TABLE consultation ADD COLUMN invited_at TIMESTAMPTZ;
