"""Field reports on the device: drafts, sealing to the office key, the durable outbox, keys."""
