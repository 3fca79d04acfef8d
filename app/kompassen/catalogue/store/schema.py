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

# Append only.
MIGRATIONS: list[Migration] = [
    Migration(1, "initial HSDS-shaped catalogue", M0001_INITIAL),
    Migration(2, "release log and term indexes", M0002_RELEASE_LOG),
    Migration(3, "full-text search index", M0003_SEARCH),
    Migration(4, "signed release version in the release log", M0004_RELEASE_VERSION),
    Migration(5, "search index rebuilt from normalised text", M0005_SEARCH_NORMALISED),
    Migration(6, "search snapshot: the in-memory index kept on disk", M0006_SEARCH_SNAPSHOT),
]
