"""Ranking weights, in one place so they can be tuned together (docs/SEARCH.md explains them)."""

from __future__ import annotations

W_TEXT = 3.0
W_SOFT_NEED = 2.0  # the text names a need the service meets (what matters most)
W_SOFT_GROUP = 0.6  # the text names a group the service serves
W_OPEN = 1.5
W_UNKNOWN = 0.6
W_DIST = 1.0
DIST_HALF_M = 400.0  # distance at which the distance bonus is halved
NO_PLACE_DIST = 0.3  # phone lines and outreach teams: as if ~900 m away
CLOSED_PENALTY = 5.0
W_GUIDE = 0.5  # named in a step of one of the two best-matching guides
W_NOW = 2.0  # the current step of a matching guide names the service ("Socialjouren tar över")
W_CONFLICT = 2.5  # the text says "15 år" but the service is 18+: not for this person
# BM25 per column, in search_fts's column order (schema migration 7): body, taxonomy words,
# name, organisation
FTS_WEIGHTS = (1.0, 3.0, 10.0, 4.0)
