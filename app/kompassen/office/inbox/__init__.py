"""The office's report inbox: sealed reports fetched, opened, kept encrypted at rest, triaged."""
