-- Whether an agent started the conversation (outbound SMS or email, issue 11). The collaboration rules that depend
-- on it are in place before outbound itself: such a conversation takes no conference (OB11), and an agent has at
-- most one of them in transfer at a time (CO5, the transfer_one_outbound_per_sender index).
ALTER TABLE interaction ADD COLUMN outbound BOOLEAN NOT NULL DEFAULT FALSE;
