-- A delivery written with the next sequence number of its endpoint moves the endpoint's last number
-- on, in the statement that writes the delivery: recording an event then sends one locking read of
-- the enabled endpoints and one insert per endpoint that wants it, instead of three statements each.
-- GREATEST keeps a number taken the older way (an update, then the insert) where it is.
CREATE TRIGGER webhook_delivery_sequence_taken AFTER INSERT ON webhook_delivery FOR EACH ROW
    UPDATE webhook_endpoint SET last_sequence = GREATEST(last_sequence, NEW.sequence) WHERE id = NEW.endpoint_id;
