"""The central database's server side, in PostgreSQL's own language (``caixa store init``).

PostgreSQL does all of the store's work itself, so there is no server of ours between the
tills and it:

- A till INSERTs its records into ``store_inbox`` (``ON CONFLICT (key) DO NOTHING``), as its
  own role, which row-level security lets insert rows of its own till only.
- ``caixa_store_receive`` (BEFORE INSERT) computes the record's hash from its text and, when
  the key is already held with other content, keeps the offer in ``store_conflicts`` for a
  manager; the INSERT then does nothing for that row.
- ``caixa_store_accept`` (AFTER INSERT: only for rows really inserted, so exactly once)
  applies the record to its table with ``caixa_store_apply``: parents found by UUID, the
  till stamped, children (lines, payments, counts) inserted with the new id. A record that
  cannot be applied stays in the inbox, marked with the reason (nothing lost).
- ``caixa_master_log`` numbers every change of master data from one sequence while holding
  a transaction-level lock, so numbers follow commit order and a till's cursor never skips
  a change that committed late.
- ``caixa_series_head`` moves a series' head on as its documents arrive, so the central
  copy verifies like a till's.
- ``caixa_store_anchor`` keeps each till's anchor (its chain heads and series numbers, the
  ``AnchorStore`` port of pos.services.anchors) and never lets it move back.

The SECURITY DEFINER functions run as the store's owner with a fixed search_path; tills may
execute none of them except ``caixa_store_till`` (which till am I, used by the policies)
and ``caixa_store_anchor`` (which only ever writes the calling till's own anchor).
"""

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION caixa_store_till() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT till_id FROM store_tills WHERE role = session_user
$$;

CREATE OR REPLACE FUNCTION caixa_columns(cols jsonb, rec jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(quote_ident(c), ', ') FROM jsonb_array_elements_text(cols) c
     WHERE rec ? c
$$;

CREATE OR REPLACE FUNCTION caixa_store_apply(entry text, body jsonb, till integer)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    e store_entries%ROWTYPE;
    rules jsonb;
    rec jsonb;
    cols text;
    ref record;
    pid bigint;
    newid bigint;
    ch jsonb;
    kids jsonb;
    col text;
BEGIN
    SELECT * INTO e FROM store_entries WHERE name = entry;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown record kind % (run caixa store init)', entry;
    END IF;
    rules := e.rules::jsonb;
    rec := coalesce(body -> 'row', '{{}}'::jsonb);
    FOR ref IN SELECT key AS col, value #>> '{{}}' AS parent
                 FROM jsonb_each(coalesce(rules -> 'refs', '{{}}'::jsonb)) LOOP
        IF jsonb_typeof(rec -> ref.col) = 'string' THEN
            -- A till's records only ever point at rows of its own till (or shared ones).
            EXECUTE format('SELECT id FROM %I WHERE uuid = $1%s', ref.parent,
                           CASE WHEN (rules -> 'ref_till' ->> ref.col)::boolean
                                THEN ' AND till_id = $2' ELSE '' END)
               INTO pid USING rec ->> ref.col, till;
            IF pid IS NULL THEN
                RAISE EXCEPTION 'missing % % (for %)', ref.parent, rec ->> ref.col, ref.col;
            END IF;
            rec := jsonb_set(rec, ARRAY[ref.col], to_jsonb(pid));
        END IF;
    END LOOP;
    FOR col IN SELECT jsonb_array_elements_text(coalesce(rules -> 'stamp', '[]'::jsonb)) LOOP
        rec := rec || jsonb_build_object(col, localtimestamp);
    END LOOP;
    IF e.op = 'insert' AND (rules ->> 'till')::boolean THEN
        rec := rec || jsonb_build_object('till_id', till);
    END IF;
    cols := caixa_columns(rules -> 'columns', rec);
    IF e.op = 'insert' AND rules ? 'shared' THEN
        -- Every till sends its own copy: keep the first, refuse one that differs.
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)'
                       ' ON CONFLICT (%I) DO NOTHING', e.target, cols, cols, e.target,
                       rules -> 'shared' ->> 'key') USING rec;
        EXECUTE format('SELECT count(*) FROM %I t, jsonb_populate_record(NULL::%I, $1) r'
                       ' WHERE t.%I = r.%I%s', e.target, e.target,
                       rules -> 'shared' ->> 'key', rules -> 'shared' ->> 'key',
                       (SELECT string_agg(format(' AND t.%I IS NOT DISTINCT FROM r.%I', c, c),
                                          '')
                          FROM jsonb_array_elements_text(rules -> 'shared' -> 'same') c))
           INTO pid USING rec;
        IF pid = 0 THEN
            RAISE EXCEPTION '% % differs from the one the store holds', e.target,
                  rec ->> (rules -> 'shared' ->> 'key');
        END IF;
    ELSIF e.op = 'insert' THEN
        IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = e.target::regclass
                      AND attname = 'id' AND NOT attisdropped) THEN
            EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)'
                           ' RETURNING id', e.target, cols, cols, e.target)
               INTO newid USING rec;
        ELSE
            EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)',
                           e.target, cols, cols, e.target) USING rec;
        END IF;
    ELSE
        -- A till only ever changes rows of its own till.
        EXECUTE format('UPDATE %I SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%I, $1))'
                       ' WHERE %I = $2%s RETURNING id', e.target, cols, cols, e.target, e.match,
                       CASE WHEN (rules ->> 'till')::boolean THEN ' AND till_id = $3'
                            ELSE '' END)
           INTO newid USING rec, body ->> 'of', till;
        IF newid IS NULL THEN
            RAISE EXCEPTION 'missing % % of this till', e.target, body ->> 'of';
        END IF;
    END IF;
    FOR ch IN SELECT * FROM jsonb_array_elements(coalesce(rules -> 'children', '[]'::jsonb)) LOOP
        kids := body -> 'children' -> (ch ->> 'table');
        IF kids IS NOT NULL AND jsonb_array_length(kids) > 0 THEN
            SELECT jsonb_agg(k || jsonb_build_object(ch ->> 'fk', newid)) INTO kids
              FROM jsonb_array_elements(kids) k;
            cols := caixa_columns(ch -> 'columns', kids -> 0);
            EXECUTE format('INSERT INTO %I (%s) SELECT %s'
                           ' FROM jsonb_populate_recordset(NULL::%I, $1)',
                           ch ->> 'table', cols, cols, ch ->> 'table') USING kids;
        END IF;
    END LOOP;
    RETURN newid;
END
$$;

CREATE OR REPLACE FUNCTION caixa_store_receive() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    held store_inbox%ROWTYPE;
BEGIN
    NEW.hash := encode(sha256(convert_to(NEW.payload, 'UTF8')), 'hex');
    NEW.received_at := localtimestamp;
    NEW.applied := true;
    NEW.problem := NULL;
    SELECT * INTO held FROM store_inbox WHERE key = NEW.key;
    IF FOUND AND (held.hash <> NEW.hash OR held.till_id <> NEW.till_id) THEN
        INSERT INTO store_conflicts (key, till_id, entry, offered_hash, existing_hash,
                                     existing_till_id, payload, at)
        VALUES (NEW.key, NEW.till_id, NEW.entry, NEW.hash, held.hash, held.till_id,
                NEW.payload, localtimestamp)
        ON CONFLICT (key, offered_hash) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION caixa_store_accept() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    BEGIN
        PERFORM caixa_store_apply(NEW.entry, NEW.payload::jsonb, NEW.till_id);
    EXCEPTION WHEN OTHERS THEN
        UPDATE store_inbox SET applied = false, problem = left(SQLERRM, 500)
         WHERE id = NEW.id;
    END;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION caixa_store_reapply() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    item store_inbox%ROWTYPE;
    done integer := 0;
BEGIN
    FOR item IN SELECT * FROM store_inbox WHERE NOT applied ORDER BY id LOOP
        BEGIN
            PERFORM caixa_store_apply(item.entry, item.payload::jsonb, item.till_id);
            UPDATE store_inbox SET applied = true, problem = NULL WHERE id = item.id;
            done := done + 1;
        EXCEPTION WHEN OTHERS THEN
            UPDATE store_inbox SET problem = left(SQLERRM, 500) WHERE id = item.id;
        END;
    END LOOP;
    RETURN done;
END
$$;

CREATE OR REPLACE FUNCTION caixa_series_head() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    UPDATE series SET last_number = NEW.number, last_hash = NEW.hash,
           last_invoice_date = greatest(last_invoice_date, NEW.invoice_date),
           last_system_entry = NEW.system_entry_date
     WHERE id = NEW.series_pk AND last_number < NEW.number;
    RETURN NULL;
END
$$;

CREATE SEQUENCE IF NOT EXISTS caixa_master_seq;

CREATE OR REPLACE FUNCTION caixa_master_key(rec jsonb, cols text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(rec ->> c, '|' ORDER BY n)
      FROM unnest(string_to_array(cols, ',')) WITH ORDINALITY AS k(c, n)
$$;

-- TG_ARGV: the key columns, the columns each database keeps its own (never logged), and
-- LIKE patterns of keys of rows that are never master data (all comma-separated).
CREATE OR REPLACE FUNCTION caixa_master_log() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    local_cols text[] := string_to_array(nullif(TG_ARGV[1], ''), ',');
    own text[] := string_to_array(nullif(TG_ARGV[2], ''), ',');
    before jsonb;
    after jsonb;
    old_key text;
    new_key text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        before := to_jsonb(OLD) - coalesce(local_cols, '{{}}'::text[]);
        old_key := caixa_master_key(before, TG_ARGV[0]);
        IF EXISTS (SELECT 1 FROM unnest(own) p WHERE old_key LIKE p) THEN
            before := NULL;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        after := to_jsonb(NEW) - coalesce(local_cols, '{{}}'::text[]);
        new_key := caixa_master_key(after, TG_ARGV[0]);
        IF EXISTS (SELECT 1 FROM unnest(own) p WHERE new_key LIKE p) THEN
            after := NULL;
        END IF;
    END IF;
    IF before IS NOT DISTINCT FROM after THEN
        RETURN NULL;        -- nothing a till keeps changed (or a row that is not master data)
    END IF;
    -- One writer of master data at a time, until it commits: numbers follow commit order.
    PERFORM pg_advisory_xact_lock(hashtext('caixa_master_changes'));
    IF before IS NOT NULL AND (after IS NULL OR old_key <> new_key) THEN
        INSERT INTO master_changes (seq, tbl, key, row, at)
        VALUES (nextval('caixa_master_seq'), TG_TABLE_NAME, old_key, NULL, localtimestamp);
    END IF;
    IF after IS NOT NULL THEN
        INSERT INTO master_changes (seq, tbl, key, row, at)
        VALUES (nextval('caixa_master_seq'), TG_TABLE_NAME, new_key, after::text,
                localtimestamp);
    END IF;
    RETURN NULL;
END
$$;

-- A till's anchor (pos.domain.anchor), kept as the till last published it: never moved back
-- (fewer entries in a chain, a lower series number), unless its epoch went up (an
-- administrator acknowledged a rollback at the till, journaled there as anchor_rebased).
CREATE OR REPLACE FUNCTION caixa_store_anchor(new_shop text, new_state text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    me integer := caixa_store_till();
    held store_anchors%ROWTYPE;
    h jsonb;
    n jsonb;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'not a till of this store';
    END IF;
    SELECT * INTO held FROM store_anchors WHERE till_id = me FOR UPDATE;
    n := new_state::jsonb;
    IF FOUND THEN
        h := held.state::jsonb;
        IF coalesce((n ->> 'epoch')::int, 0) <= coalesce((h ->> 'epoch')::int, 0) AND (
               coalesce((n #>> '{{documents,0}}')::bigint, 0)
                   < coalesce((h #>> '{{documents,0}}')::bigint, 0)
            OR coalesce((n #>> '{{journal,0}}')::bigint, 0)
                   < coalesce((h #>> '{{journal,0}}')::bigint, 0)
            OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(h -> 'series', '{{}}'::jsonb)) s
                        WHERE coalesce((n -> 'series' -> s.key ->> 0)::bigint, 0)
                              < (s.value ->> 0)::bigint)) THEN
            RETURN false;
        END IF;
        UPDATE store_anchors SET shop = new_shop, state = new_state, at = localtimestamp
         WHERE till_id = me;
    ELSE
        INSERT INTO store_anchors (till_id, shop, state, at)
        VALUES (me, new_shop, new_state, localtimestamp);
    END IF;
    RETURN true;
END
$$;
"""

TRIGGERS = r"""
DROP TRIGGER IF EXISTS caixa_store_receive ON store_inbox;
CREATE TRIGGER caixa_store_receive BEFORE INSERT ON store_inbox
    FOR EACH ROW EXECUTE FUNCTION caixa_store_receive();
DROP TRIGGER IF EXISTS caixa_store_accept ON store_inbox;
CREATE TRIGGER caixa_store_accept AFTER INSERT ON store_inbox
    FOR EACH ROW EXECUTE FUNCTION caixa_store_accept();
DROP TRIGGER IF EXISTS caixa_series_head ON documents;
CREATE TRIGGER caixa_series_head AFTER INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION caixa_series_head();
"""

MASTER_TRIGGER = r"""
DROP TRIGGER IF EXISTS caixa_master_log ON {table};
CREATE TRIGGER caixa_master_log AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION caixa_master_log('{key}', '{local}', '{own}');
"""

# The tills' group role: read master data, send records, report health. Nothing else.
GRANTS = r"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
        CREATE ROLE {group} NOLOGIN;
    END IF;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {group};
REVOKE ALL ON FUNCTION caixa_store_till(), caixa_columns(jsonb, jsonb),
    caixa_store_apply(text, jsonb, integer), caixa_store_receive(), caixa_store_accept(),
    caixa_store_reapply(), caixa_series_head(), caixa_master_log(),
    caixa_master_key(jsonb, text), caixa_store_anchor(text, text) FROM PUBLIC;
GRANT CONNECT ON DATABASE {database} TO {group};
GRANT USAGE ON SCHEMA {schema} TO {group};
GRANT SELECT ON {master_tables}, master_changes TO {group};
GRANT INSERT (key, till_id, entry, payload, till_seq, recorded_at) ON store_inbox TO {group};
GRANT SELECT (key, till_id, hash, applied, problem) ON store_inbox TO {group};
GRANT USAGE ON SEQUENCE store_inbox_id_seq TO {group};
GRANT SELECT ON store_anchors TO {group};
GRANT SELECT (till_id, cursor), UPDATE (reported_at, pending, oldest_pending, parked,
      at_pending, at_parked, cursor, last_error) ON store_tills TO {group};
GRANT EXECUTE ON FUNCTION caixa_store_till(), caixa_store_anchor(text, text) TO {group};

ALTER TABLE store_inbox ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS till_sends_its_own ON store_inbox;
CREATE POLICY till_sends_its_own ON store_inbox FOR INSERT TO {group}
    WITH CHECK (till_id = caixa_store_till());
DROP POLICY IF EXISTS till_reads_its_receipts ON store_inbox;
CREATE POLICY till_reads_its_receipts ON store_inbox FOR SELECT TO {group}
    USING (till_id = caixa_store_till());

ALTER TABLE store_tills ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS till_reads_itself ON store_tills;
CREATE POLICY till_reads_itself ON store_tills FOR SELECT TO {group}
    USING (till_id = caixa_store_till());
DROP POLICY IF EXISTS till_reports_itself ON store_tills;
CREATE POLICY till_reports_itself ON store_tills FOR UPDATE TO {group}
    USING (till_id = caixa_store_till()) WITH CHECK (till_id = caixa_store_till());

ALTER TABLE store_anchors ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS till_reads_its_anchor ON store_anchors;
CREATE POLICY till_reads_its_anchor ON store_anchors FOR SELECT TO {group}
    USING (till_id = caixa_store_till());
"""
