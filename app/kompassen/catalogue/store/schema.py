"""The catalogue schema as numbered migrations (HSDS 3-shaped, plus what field work needs).

Never edit a published migration: add a new one. Ids of pack-loaded records are
``<area>/<key>``, so two areas may both have a "socialjouren" without colliding.
"""

from __future__ import annotations

from kompassen.sqlite import Migration

M0001_INITIAL = """
CREATE TABLE area (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    description_sv TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL,
    center_lat REAL NOT NULL,
    center_lon REAL NOT NULL,
    default_landmark_key TEXT,
    sealing_public_key TEXT NOT NULL,
    signing_public_key TEXT NOT NULL,
    public_keys_note TEXT NOT NULL DEFAULT '',
    format_version INTEGER NOT NULL,
    pack_version TEXT NOT NULL,
    catalogue_version INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL DEFAULT 'bundled',
    loaded_at TEXT NOT NULL
);
CREATE TABLE taxonomy_term (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('group', 'need', 'handover')),
    label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    synonyms_json TEXT NOT NULL DEFAULT '[]',
    area_id TEXT REFERENCES area(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE organization (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description_sv TEXT,
    description_en TEXT,
    url TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    sources_json TEXT NOT NULL,
    verified_at TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE TABLE location (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description_sv TEXT,
    description_en TEXT,
    lat REAL,
    lon REAL,
    coords_approximate INTEGER NOT NULL DEFAULT 1,
    coords_note TEXT NOT NULL DEFAULT '',
    landmark_key TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE TABLE address (
    location_id TEXT PRIMARY KEY REFERENCES location(id) ON DELETE CASCADE,
    address_1 TEXT NOT NULL,
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE service (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    alternate_name TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL,
    description_en TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('active', 'closed', 'temporarily-closed')),
    status_note TEXT NOT NULL DEFAULT '',
    mobile INTEGER NOT NULL DEFAULT 0,
    area_note TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    hours_known INTEGER NOT NULL DEFAULT 0,
    always_open INTEGER NOT NULL DEFAULT 0,
    holiday_policy TEXT NOT NULL DEFAULT 'normal',
    eve_policy TEXT NOT NULL DEFAULT 'normal',
    hours_note TEXT NOT NULL DEFAULT '',
    sources_json TEXT NOT NULL,
    verified_at TEXT NOT NULL,
    data_note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE TABLE service_at_location (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, location_id)
);
CREATE TABLE service_term (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    term_code TEXT NOT NULL REFERENCES taxonomy_term(code),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, term_code)
);
CREATE TABLE phone (
    id INTEGER PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    label_sv TEXT,
    label_en TEXT,
    to_verify INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE schedule (
    id INTEGER PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('weekly', 'exception')),
    byday TEXT,
    opens_at TEXT,
    closes_at TEXT,
    valid_date TEXT,
    closed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE handover (
    service_id TEXT PRIMARY KEY REFERENCES service(id) ON DELETE CASCADE,
    instructions_sv TEXT,
    instructions_en TEXT,
    age_min INTEGER,
    age_max INTEGER,
    gender TEXT,
    no_papers_ok INTEGER,
    intoxicated_ok INTEGER,
    referral_required INTEGER,
    languages_json TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE guide (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    title_sv TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    problem_sv TEXT NOT NULL,
    problem_en TEXT NOT NULL DEFAULT '',
    sources_json TEXT NOT NULL,
    verified_at TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE TABLE guide_term (
    guide_id TEXT NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
    term_code TEXT NOT NULL REFERENCES taxonomy_term(code),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guide_id, term_code)
);
CREATE TABLE guide_step (
    id INTEGER PRIMARY KEY,
    guide_id TEXT NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    days TEXT,
    from_time TEXT,
    to_time TEXT
);
CREATE TABLE guide_step_service (
    step_id INTEGER NOT NULL REFERENCES guide_step(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (step_id, service_id)
);
CREATE TABLE landmark (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    approximate INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL DEFAULT '',
    aliases_json TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE TABLE notice (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    service_id TEXT REFERENCES service(id) ON DELETE CASCADE,
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    starts TEXT,
    expires TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
CREATE INDEX service_area ON service(area_id);
CREATE INDEX service_org ON service(organization_id);
CREATE INDEX location_area ON location(area_id);
CREATE INDEX phone_service ON phone(service_id);
CREATE INDEX schedule_service ON schedule(service_id);
"""

M0002_RELEASE_LOG = """
CREATE TABLE area_release (
    id INTEGER PRIMARY KEY,
    area_id TEXT NOT NULL,
    catalogue_version INTEGER NOT NULL,
    pack_version TEXT NOT NULL,
    origin TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    service_count INTEGER NOT NULL
);
CREATE INDEX area_release_area ON area_release(area_id, catalogue_version);
CREATE INDEX service_term_code ON service_term(term_code, service_id);
CREATE INDEX guide_term_code ON guide_term(term_code, guide_id);
"""

M0003_SEARCH = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    name, org, body, terms,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE VIRTUAL TABLE guide_fts USING fts5(
    title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
"""

M0004_RELEASE_VERSION = """
ALTER TABLE area_release ADD COLUMN release_version INTEGER;
"""

# The analyser now normalises text (NFKC, no format characters) before it stems: rows written
# by the old one are emptied here and rebuilt by the store (SEARCH_INDEX_VERSION).
M0005_SEARCH_NORMALISED = """
DELETE FROM search_fts;
DELETE FROM guide_fts;
"""

# What the search engine keeps in memory per area, written at install so that a fresh process
# answers its first search without rebuilding it (catalogue/search/snapshot.py). ``scope`` is an
# area id or '*' (the vocabulary of every area); ``stamp`` says which catalogue it was made from.
M0006_SEARCH_SNAPSHOT = """
CREATE TABLE search_snapshot (
    scope TEXT NOT NULL,
    name TEXT NOT NULL,
    stamp TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (scope, name)
);
"""

# catalogue.db was ~7× the pack's raw text (issue #14); this makes it ~3× without changing a
# search result (docs/PERFORMANCE.md). search_fts becomes contentless: FTS5 kept a second
# copy of the analysed text (17 % of the file; catalogue/search/fts.py says how rows are
# removed without it, with the SHA-256 of each area's text in search_fts_digest). It loses
# its 2- and 3-letter prefix indexes (each token was indexed three times, 19 %; a prefix
# query now reads the index's term range, as longer prefixes always did). The body comes
# first: FTS5 marks every hit outside column 0 with its column number and the body has the
# most hits (4 %; FTS_WEIGHTS in search/weights.py follow this order). The store writes the
# rows again (SEARCH_INDEX_VERSION), the guides' too.
# The link tables and the 1:1 tables keyed by text become WITHOUT ROWID, so the primary key
# is the table and not a second b-tree beside it; so do phone and schedule, keyed by
# (service, [kind,] position) instead of an integer id nothing read, which makes
# phone_service and schedule_service redundant. Key columns come first in each WITHOUT ROWID
# table: SQLite 3.40's integrity_check and quick_check report "NULL value in phone.number"
# when they come after other columns (a false alarm, but the store heals on quick_check).
# service_term_code, service_area and location_area go: no query reads service_term by term,
# and the unique (area_id, key) indexes already lead with area_id.
M0007_COMPACT = """
DELETE FROM guide_fts;
DROP TABLE search_vocab;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
    body, terms, name, org,
    tokenize = 'unicode61 remove_diacritics 2',
    content = ''
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
CREATE TABLE search_fts_digest (
    area_id TEXT PRIMARY KEY,
    digest TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE service_term_v7 (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    term_code TEXT NOT NULL REFERENCES taxonomy_term(code),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, term_code)
) WITHOUT ROWID;
INSERT INTO service_term_v7 (service_id, term_code, position)
    SELECT service_id, term_code, position FROM service_term;
DROP TABLE service_term;
ALTER TABLE service_term_v7 RENAME TO service_term;
CREATE TABLE service_at_location_v7 (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, location_id)
) WITHOUT ROWID;
INSERT INTO service_at_location_v7 (service_id, location_id, position)
    SELECT service_id, location_id, position FROM service_at_location;
DROP TABLE service_at_location;
ALTER TABLE service_at_location_v7 RENAME TO service_at_location;
CREATE TABLE guide_term_v7 (
    guide_id TEXT NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
    term_code TEXT NOT NULL REFERENCES taxonomy_term(code),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guide_id, term_code)
) WITHOUT ROWID;
INSERT INTO guide_term_v7 (guide_id, term_code, position)
    SELECT guide_id, term_code, position FROM guide_term;
DROP TABLE guide_term;
ALTER TABLE guide_term_v7 RENAME TO guide_term;
CREATE INDEX guide_term_code ON guide_term(term_code);
CREATE TABLE guide_step_service_v7 (
    step_id INTEGER NOT NULL REFERENCES guide_step(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (step_id, service_id)
) WITHOUT ROWID;
INSERT INTO guide_step_service_v7 (step_id, service_id, position)
    SELECT step_id, service_id, position FROM guide_step_service;
DROP TABLE guide_step_service;
ALTER TABLE guide_step_service_v7 RENAME TO guide_step_service;
CREATE TABLE handover_v7 (
    service_id TEXT PRIMARY KEY REFERENCES service(id) ON DELETE CASCADE,
    instructions_sv TEXT,
    instructions_en TEXT,
    age_min INTEGER,
    age_max INTEGER,
    gender TEXT,
    no_papers_ok INTEGER,
    intoxicated_ok INTEGER,
    referral_required INTEGER,
    languages_json TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
INSERT INTO handover_v7 SELECT service_id, instructions_sv, instructions_en, age_min, age_max,
    gender, no_papers_ok, intoxicated_ok, referral_required, languages_json FROM handover;
DROP TABLE handover;
ALTER TABLE handover_v7 RENAME TO handover;
CREATE TABLE address_v7 (
    location_id TEXT PRIMARY KEY REFERENCES location(id) ON DELETE CASCADE,
    address_1 TEXT NOT NULL,
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO address_v7 SELECT location_id, address_1, postal_code, city, note FROM address;
DROP TABLE address;
ALTER TABLE address_v7 RENAME TO address;
CREATE TABLE phone_v7 (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    label_sv TEXT,
    label_en TEXT,
    to_verify INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, position)
) WITHOUT ROWID;
INSERT INTO phone_v7 (service_id, position, number, kind, label_sv, label_en, to_verify)
    SELECT service_id, row_number() OVER (PARTITION BY service_id ORDER BY position, id) - 1,
        number, kind, label_sv, label_en, to_verify
    FROM phone;
DROP TABLE phone;
ALTER TABLE phone_v7 RENAME TO phone;
CREATE TABLE schedule_v7 (
    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('weekly', 'exception')),
    position INTEGER NOT NULL DEFAULT 0,
    byday TEXT,
    opens_at TEXT,
    closes_at TEXT,
    valid_date TEXT,
    closed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, kind, position)
) WITHOUT ROWID;
INSERT INTO schedule_v7 (service_id, kind, position, byday, opens_at, closes_at, valid_date,
        closed, note)
    SELECT service_id, kind,
        row_number() OVER (PARTITION BY service_id, kind ORDER BY position, id) - 1,
        byday, opens_at, closes_at, valid_date, closed, note
    FROM schedule;
DROP TABLE schedule;
ALTER TABLE schedule_v7 RENAME TO schedule;
DROP INDEX service_area;
DROP INDEX location_area;
"""

# A service's taxonomy codes as one JSON array on its row instead of a link table that repeats
# the text service id with every code (5-6 codes per service: ~0.25x the pack's raw text).
# ``service_term`` stays as a view with the old columns, so readers are unchanged. Unknown
# codes were refused by the table's foreign key; the pack check refuses them before install.
M0008_TERM_CODES = """
ALTER TABLE service ADD COLUMN term_codes_json TEXT NOT NULL DEFAULT '[]';
UPDATE service SET term_codes_json = (
    SELECT json_group_array(term_code) FROM (
        SELECT term_code FROM service_term st WHERE st.service_id = service.id ORDER BY position
    )
);
DROP TABLE service_term;
CREATE VIEW service_term AS
    SELECT s.id AS service_id, j.value AS term_code, j.key AS position
    FROM service s, json_each(s.term_codes_json) j;
"""

# Status as HSDS 3 has it (#15 point 3b): service.status stays the coarse state search and
# the GUI read (inactive and defunct are 'closed'), the pack's own word beside it when it is
# not the coarse one, and a temporary closure's dates. A notice may have no expiry (an HSDS
# alert brings none), so the small notice table is rebuilt without NOT NULL on expires.
M0009_STATUS_DETAIL = """
ALTER TABLE service ADD COLUMN status_detail TEXT;
ALTER TABLE service ADD COLUMN status_from TEXT;
ALTER TABLE service ADD COLUMN status_until TEXT;
CREATE TABLE notice_v9 (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    service_id TEXT REFERENCES service(id) ON DELETE CASCADE,
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    starts TEXT,
    expires TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (area_id, key)
);
INSERT INTO notice_v9 SELECT id, area_id, key, service_id, text_sv, text_en, starts, expires,
    position FROM notice;
DROP TABLE notice;
ALTER TABLE notice_v9 RENAME TO notice;
"""

# The office's change history (#17): one row per changed field of a saved edit (who, when,
# old → new), exported as HSDS ``metadata``; and the coordinator's contact note per
# organisation for the next check. Neither references ``area``: an install deletes and
# re-inserts the area's rows, and the history must outlive every install of the area.
M0010_OFFICE_HISTORY = """
CREATE TABLE change_history (
    id INTEGER PRIMARY KEY,
    area_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_key TEXT NOT NULL,
    field TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'verify')),
    previous_json TEXT,
    replacement_json TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    catalogue_version INTEGER
);
CREATE INDEX change_history_record ON change_history (area_id, kind, record_key, id);
CREATE TABLE contact_note (
    area_id TEXT NOT NULL,
    organization_key TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (area_id, organization_key)
) WITHOUT ROWID;
"""

# Append only.
MIGRATIONS: list[Migration] = [
    Migration(1, "initial HSDS-shaped catalogue", M0001_INITIAL),
    Migration(2, "release log and term indexes", M0002_RELEASE_LOG),
    Migration(3, "full-text search index", M0003_SEARCH),
    Migration(4, "signed release version in the release log", M0004_RELEASE_VERSION),
    Migration(5, "search index rebuilt from normalised text", M0005_SEARCH_NORMALISED),
    Migration(6, "search snapshot: the in-memory index kept on disk", M0006_SEARCH_SNAPSHOT),
    Migration(7, "a smaller catalogue.db: contentless search index, no rowid twins", M0007_COMPACT),
    Migration(8, "taxonomy codes on the service row, service_term a view", M0008_TERM_CODES),
    Migration(9, "HSDS 3 status detail and dates; notices may have no expiry", M0009_STATUS_DETAIL),
    Migration(10, "office change history and contact notes", M0010_OFFICE_HISTORY),
]
