// Versioned schema. Migration N brings PRAGMA user_version from N-1 to N; never edit a shipped
// step, append a new one. History is append-only: a sweep adds rows, it never overwrites an
// earlier sweep's rows (prune removes page-level detail of old sweeps but keeps their scores).

export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    name: 'initial schema',
    sql: `
-- Registry ------------------------------------------------------------------------------
CREATE TABLE agencies (
  id          TEXT PRIMARY KEY,              -- the registry's agency_id
  name        TEXT NOT NULL,
  parent_id   TEXT,                          -- parent agency id (not a foreign key: parents may arrive later)
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE sites (
  id          INTEGER PRIMARY KEY,
  agency_id   TEXT NOT NULL REFERENCES agencies(id),
  url         TEXT NOT NULL UNIQUE,          -- normalised start URL: the site's identity across imports
  name        TEXT,
  active      INTEGER NOT NULL DEFAULT 1,    -- 0 when the latest full registry import no longer lists it
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX sites_by_agency ON sites(agency_id);

-- Sweeps and the embedded queue ---------------------------------------------------------
CREATE TABLE sweeps (
  id           INTEGER PRIMARY KEY,
  lane         TEXT NOT NULL DEFAULT 'sweep', -- sweep | self-check | ci
  registry     TEXT,                          -- file the sweep was planned from
  options      TEXT NOT NULL,                 -- JSON: categories, maxPages, now, allowPrivate, lang, config
  now_at       TEXT NOT NULL,                 -- reference time (--now) as ISO; the sweep's date in trends
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  sites_total  INTEGER NOT NULL DEFAULT 0,
  runner       TEXT,                          -- host:pid:nonce of the process running it
  heartbeat_ms INTEGER,
  pruned_at    TEXT
);

-- One job per (sweep, site): the sweep's plan and the queue in one table. Rows stay after the
-- job is done, so a sweep's registered sites (the coverage denominator) are known forever.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  sweep_id     INTEGER NOT NULL REFERENCES sweeps(id),
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  agency_id    TEXT NOT NULL,                 -- agency at planning time (sites may move later)
  url          TEXT NOT NULL,
  host         TEXT NOT NULL,                 -- politeness key: one site of a host at a time
  lane         TEXT NOT NULL,
  priority     INTEGER NOT NULL DEFAULT 0,
  state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  available_ms INTEGER NOT NULL DEFAULT 0,    -- retry backoff: not claimable before
  claimed_by   TEXT,
  lease_ms     INTEGER,                       -- running job whose lease passed is reclaimable
  finished_ms  INTEGER,
  last_error   TEXT,
  UNIQUE (sweep_id, site_id)
);
CREATE INDEX jobs_claim ON jobs(lane, state, available_ms, priority, id);
CREATE INDEX jobs_host ON jobs(host, state, finished_ms);

-- Results -------------------------------------------------------------------------------
CREATE TABLE site_results (
  id                 INTEGER PRIMARY KEY,
  sweep_id           INTEGER NOT NULL REFERENCES sweeps(id),
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  agency_id          TEXT NOT NULL,
  url                TEXT NOT NULL,
  final_url          TEXT,
  status             TEXT NOT NULL,           -- ok | unreachable | blocked | timeout | error
  error              TEXT,
  failure_kind       TEXT,
  overall            INTEGER,
  accessibility      INTEGER,
  performance        INTEGER,
  freshness          INTEGER,
  governance         INTEGER,
  security           INTEGER,
  last_updated       TEXT,
  freshness_source   TEXT,
  freshness_raw      TEXT,
  freshness_age_days INTEGER,
  categories         TEXT NOT NULL,           -- comma list of categories run
  pages_checked      INTEGER NOT NULL DEFAULT 0,
  findings_count     INTEGER NOT NULL DEFAULT 0,
  critical           INTEGER NOT NULL DEFAULT 0,
  serious            INTEGER NOT NULL DEFAULT 0,
  moderate           INTEGER NOT NULL DEFAULT 0,
  minor              INTEGER NOT NULL DEFAULT 0,
  engine_govcheck    TEXT,
  engine_axe         TEXT,
  engine_lighthouse  TEXT,
  engine_chromium    TEXT,
  ruleset            TEXT,
  skipped_pages      TEXT,                    -- JSON [{url, reason}], small
  started_at         TEXT,
  finished_at        TEXT,
  duration_ms        INTEGER,
  attempts           INTEGER NOT NULL DEFAULT 1,
  recorded_at        TEXT NOT NULL,
  UNIQUE (sweep_id, site_id)                  -- exactly one result per site per sweep
);
CREATE INDEX site_results_by_site ON site_results(site_id, id);
CREATE INDEX site_results_by_agency ON site_results(sweep_id, agency_id);

CREATE TABLE page_results (
  id                  INTEGER PRIMARY KEY,
  site_result_id      INTEGER NOT NULL REFERENCES site_results(id) ON DELETE CASCADE,
  sweep_id            INTEGER NOT NULL,
  url                 TEXT NOT NULL,
  final_url           TEXT,
  http_status         INTEGER,
  sampled_because     TEXT,
  title               TEXT,
  accessibility_score INTEGER,
  error               TEXT,
  lcp_ms              REAL,
  cls                 REAL,
  fcp_ms              REAL,
  ttfb_ms             REAL,
  load_ms             REAL,
  transfer_bytes      INTEGER,
  request_count       INTEGER,
  total_ms            INTEGER,
  findings_count      INTEGER NOT NULL DEFAULT 0,
  needs_review        TEXT                    -- JSON, axe "incomplete" items for manual review
);
CREATE INDEX page_results_by_site_result ON page_results(site_result_id);
CREATE INDEX page_results_by_sweep ON page_results(sweep_id);

CREATE TABLE findings (
  id             INTEGER PRIMARY KEY,
  site_result_id INTEGER NOT NULL REFERENCES site_results(id) ON DELETE CASCADE,
  page_result_id INTEGER REFERENCES page_results(id) ON DELETE CASCADE,
  sweep_id       INTEGER NOT NULL,
  site_id        INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  category       TEXT NOT NULL,
  severity       TEXT NOT NULL,
  wcag           TEXT,                        -- comma list
  tw_codes       TEXT,
  selector       TEXT,
  snippet        TEXT,
  message        TEXT NOT NULL,
  help           TEXT,
  fingerprint    TEXT NOT NULL,
  lifecycle      TEXT NOT NULL,               -- new | open | regressed (relative to the site's previous check)
  data           TEXT                         -- JSON
);
CREATE INDEX findings_by_sweep_rule ON findings(sweep_id, rule);
CREATE INDEX findings_by_site_result ON findings(site_result_id);

CREATE TABLE metrics (
  site_result_id INTEGER NOT NULL REFERENCES site_results(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  value          REAL,
  PRIMARY KEY (site_result_id, name)
) WITHOUT ROWID;

CREATE TABLE rule_outcomes (
  site_result_id   INTEGER NOT NULL REFERENCES site_results(id) ON DELETE CASCADE,
  rule             TEXT NOT NULL,
  category         TEXT NOT NULL,
  severity         TEXT NOT NULL,
  outcome          TEXT NOT NULL,             -- pass | fail | inapplicable
  failed_pages     INTEGER NOT NULL,
  applicable_pages INTEGER NOT NULL,
  PRIMARY KEY (site_result_id, rule)
) WITHOUT ROWID;

-- Slim Lighthouse records (scores, metrics, failing audits), never whole reports.
CREATE TABLE lighthouse_runs (
  id             INTEGER PRIMARY KEY,
  site_result_id INTEGER NOT NULL REFERENCES site_results(id) ON DELETE CASCADE,
  url            TEXT NOT NULL,
  performance    REAL,
  slim           TEXT NOT NULL                -- JSON LighthouseSlim
);
CREATE INDEX lighthouse_by_site_result ON lighthouse_runs(site_result_id);

-- Finding lifecycle: one row per (site, fingerprint), updated as results are recorded.
-- Survives prune, so time-to-fix history outlives the raw findings.
CREATE TABLE issues (
  site_id             INTEGER NOT NULL REFERENCES sites(id),
  fingerprint         TEXT NOT NULL,
  rule                TEXT NOT NULL,
  category            TEXT NOT NULL,
  severity            TEXT NOT NULL,
  selector            TEXT,
  page_url            TEXT,
  message             TEXT,
  state               TEXT NOT NULL,          -- open | fixed
  first_seen_sweep_id INTEGER NOT NULL,
  first_seen_at       TEXT NOT NULL,
  last_seen_sweep_id  INTEGER NOT NULL,
  last_seen_at        TEXT NOT NULL,
  fixed_sweep_id      INTEGER,
  fixed_at            TEXT,
  regressions         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, fingerprint)
) WITHOUT ROWID;
CREATE INDEX issues_fixed ON issues(fixed_sweep_id);

-- Precomputed statistics (Lighthouse-CI style) so reports and the dashboard never scan raw rows.
-- agency_id '' = national; category is a Category, 'overall', or '*' for category-free figures.
CREATE TABLE stats (
  sweep_id  INTEGER NOT NULL REFERENCES sweeps(id),
  agency_id TEXT NOT NULL,
  category  TEXT NOT NULL,
  name      TEXT NOT NULL,
  value     REAL,
  PRIMARY KEY (sweep_id, agency_id, category, name)
) WITHOUT ROWID;

CREATE TABLE rule_stats (
  sweep_id      INTEGER NOT NULL REFERENCES sweeps(id),
  rule          TEXT NOT NULL,
  category      TEXT NOT NULL,
  severity      TEXT NOT NULL,
  sites_failing INTEGER NOT NULL,
  findings      INTEGER NOT NULL,
  PRIMARY KEY (sweep_id, rule)
) WITHOUT ROWID;
`,
  },
  {
    // Dashboard (govcheck serve): access tokens, disputes/waivers of findings, and its own settings.
    name: 'dashboard tokens and waivers',
    sql: `
-- Access tokens: only a hash is stored; the token itself is shown once when created.
CREATE TABLE dashboard_tokens (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,          -- sha256 hex of the token
  role         TEXT NOT NULL CHECK (role IN ('oversight', 'agency')),
  agency_id    TEXT,                          -- set for role 'agency': the only agency it may see
  label        TEXT,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);

-- A dispute of a finding (agency asks) and its decision (oversight). Keyed by the finding's
-- fingerprint on its site, so an approved waiver covers the same finding in later checks.
-- Stored scores are never rewritten: a waiver only hides the finding from the open list.
CREATE TABLE waivers (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  agency_id     TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  rule          TEXT NOT NULL,
  selector      TEXT,
  page_url      TEXT,
  finding_id    INTEGER,                      -- the finding row disputed (may be pruned later)
  reason        TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'rejected')),
  requested_by  INTEGER REFERENCES dashboard_tokens(id),
  requested_at  TEXT NOT NULL,
  decided_by    INTEGER REFERENCES dashboard_tokens(id),
  decided_at    TEXT,
  decision_note TEXT
);
CREATE INDEX waivers_by_site ON waivers(site_id, fingerprint);
CREATE INDEX waivers_by_agency ON waivers(agency_id, state);

CREATE TABLE dashboard_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    // 網站無障礙規範 (規範檢核): every result records the edition and level it was judged by, so sweeps stay
    // comparable (a code string changes meaning between editions), its verdict, and one row per code.
    name: 'taiwan codes: edition, level and conformance',
    sql: `
ALTER TABLE site_results ADD COLUMN tw_edition TEXT;          -- '115.11' | '110.07' (NULL: recorded before codes)
ALTER TABLE site_results ADD COLUMN tw_level TEXT;            -- 'A' | 'AA' | 'AAA' checked
ALTER TABLE site_results ADD COLUMN conformance_meets TEXT;   -- highest level met, NULL when none
ALTER TABLE site_results ADD COLUMN conformance TEXT;         -- the site's conformance JSON (codes, lists, mark)

CREATE TABLE site_codes (
  site_result_id INTEGER NOT NULL REFERENCES site_results(id),
  sweep_id       INTEGER NOT NULL REFERENCES sweeps(id),
  site_id        INTEGER NOT NULL,
  agency_id      TEXT NOT NULL,
  edition        TEXT NOT NULL,
  code           TEXT NOT NULL,
  level          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not-applicable', 'not-checked')),
  pages          INTEGER NOT NULL,                -- failing pages
  findings       INTEGER NOT NULL,
  PRIMARY KEY (site_result_id, code)
) WITHOUT ROWID;
CREATE INDEX site_codes_by_sweep ON site_codes(sweep_id, edition, code);
`,
  },
  {
    // Sites behind a login (intranet sweeps): the NAMES of the GOVCHECK_AUTH_* environment variables
    // that hold a site's credentials, as JSON (SiteAuthRefs). Secrets are never stored.
    name: 'site credential references',
    sql: `ALTER TABLE sites ADD COLUMN auth_refs TEXT;`,
  },
  {
    // Deleting a page result makes SQLite look for the findings that reference it (ON DELETE CASCADE):
    // without this index every deleted page scanned the whole findings table, so pruning a national
    // database (400 sites × 52 sweeps, ~1 M findings) took tens of minutes instead of seconds.
    name: 'index findings by page result',
    sql: `
CREATE INDEX findings_by_page_result ON findings(page_result_id);
`,
  },
  {
    // Evidence a webmaster can see: a finding's element screenshot (check/sweep --screenshots), one row per
    // finding that has one. Pruned with its findings (prune deletes by sweep; the cascade covers the rest).
    name: 'finding screenshots',
    sql: `
CREATE TABLE finding_screenshots (
  finding_id INTEGER PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
  sweep_id   INTEGER NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('image/png', 'image/jpeg')),
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  image      BLOB NOT NULL
);
CREATE INDEX finding_screenshots_by_sweep ON finding_screenshots(sweep_id);
`,
  },
];
