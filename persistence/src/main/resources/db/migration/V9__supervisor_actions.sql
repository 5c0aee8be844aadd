-- Who made a change when it was not the agent concerned: a supervisor forcing an agent's stuck work into wrap-up.
ALTER TABLE interaction_transition ADD COLUMN actor_id UUID;
