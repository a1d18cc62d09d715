import { MigrationInterface, QueryRunner } from 'typeorm';

/** Not revoked, replaced or recorded as expired (`g.` prefixes the columns with an alias). */
const open = (g = '') => `${g}revoked_at IS NULL AND ${g}replaced_at IS NULL AND ${g}expired_at IS NULL`;

/**
 * Consent: what a business shares with whom (a lender organisation, or Keeper's own
 * pre-qualification, which shares nothing outside Keeper), why, what, how far back and until when;
 * every version of every grant; and every access by anyone outside the business, allowed or refused.
 *
 * A grant is live while it is open (not revoked, replaced or recorded as expired) and its
 * `expires_at` is in the future. `expires_at` alone decides: the worker records an expiry after
 * the fact (event, audit, notice), but a grant stops working at that instant because every read
 * compares it with now(). At most one grant per recipient is open in a business.
 *
 * The lender side and the worker reach across businesses only through the narrow SECURITY DEFINER
 * functions below (ids and the grant's own terms); every read of a business's data then runs in
 * that business's tenant transaction, through ConsentService.authorize and the access log.
 *
 * Also: lender organisations get the public description owners see when choosing one, and
 * sessions record when their user last re-entered their password (re-authentication for consent).
 */
export class Consent1764100000000 implements MigrationInterface {
  name = 'Consent1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE lender_organisations
        ADD COLUMN description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        ADD COLUMN description_zh text NOT NULL DEFAULT '' CHECK (length(description_zh) <= 500);

      ALTER TABLE sessions ADD COLUMN password_confirmed_at timestamptz;

      ALTER TABLE security_events DROP CONSTRAINT security_events_kind_check;
      ALTER TABLE security_events ADD CONSTRAINT security_events_kind_check CHECK (kind IN (
        'sign_up', 'sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out', 'password_confirmed', 'password_confirm_failed'));
      -- A wrong password re-entered in a session counts toward the account's sign-in lockout.
      DROP INDEX security_events_email_idx;
      CREATE INDEX security_events_email_idx ON security_events (email, created_at)
        WHERE kind IN ('sign_in_failed', 'password_confirm_failed');

      CREATE TABLE consent_grants (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient text NOT NULL CHECK (recipient IN ('lender', 'keeper_prequalification')),
        lender_id uuid REFERENCES lender_organisations(id),
        purpose text NOT NULL CHECK (purpose IN (
          'working_capital', 'invoice_financing', 'equipment_financing', 'line_of_credit', 'refinancing',
          'prequalification', 'other')),
        purpose_note text NOT NULL DEFAULT '' CHECK (length(purpose_note) <= 500),
        scopes text[] NOT NULL CHECK (
          cardinality(scopes) BETWEEN 1 AND 4
          AND scopes <@ ARRAY['profile', 'statements', 'aggregates', 'raw_documents']::text[]),
        lookback_months int NOT NULL CHECK (lookback_months BETWEEN 1 AND 60),
        granted_at timestamptz NOT NULL DEFAULT now(),
        granted_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        renewed_at timestamptz,
        renewed_by uuid REFERENCES users(id),
        renewal_count int NOT NULL DEFAULT 0 CHECK (renewal_count >= 0),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        revoke_reason text NOT NULL DEFAULT '' CHECK (length(revoke_reason) <= 500),
        -- Set on a grant that a wider one (a new consent act for the same recipient) took over from.
        replaced_at timestamptz,
        -- The grant this one took over from.
        replaces uuid,
        -- When the worker recorded the expiry; the grant stopped working at expires_at either way.
        expired_at timestamptz,
        -- Bumped by every change; consent_grant_events keeps each version.
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, replaces) REFERENCES consent_grants(business_id, id),
        CHECK ((recipient = 'lender') = (lender_id IS NOT NULL)),
        CHECK (recipient = 'lender' OR purpose = 'prequalification'),
        CHECK (purpose <> 'other' OR length(purpose_note) > 0),
        CHECK (expires_at > granted_at),
        CHECK (num_nonnulls(revoked_at, replaced_at, expired_at) <= 1),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
        CHECK ((renewed_at IS NULL) = (renewed_by IS NULL))
      );
      -- One open grant per recipient and business (NULL lender = Keeper's pre-qualification).
      CREATE UNIQUE INDEX consent_grants_one_open ON consent_grants
        (business_id, coalesce(lender_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE ${open()};
      CREATE INDEX consent_grants_list ON consent_grants (business_id, granted_at DESC, id DESC);
      CREATE INDEX consent_grants_lender ON consent_grants (lender_id, granted_at DESC, id DESC) WHERE ${open()};
      CREATE INDEX consent_grants_expiry ON consent_grants (expires_at) WHERE ${open()};

      -- Every version of every grant, with the terms in force after the change: immutable.
      CREATE TABLE consent_grant_events (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        kind text NOT NULL CHECK (kind IN ('granted', 'renewed', 'narrowed', 'revoked', 'expired', 'replaced')),
        -- NULL: Keeper itself (an expiry).
        actor_user_id uuid REFERENCES users(id),
        scopes text[] NOT NULL,
        lookback_months int NOT NULL,
        expires_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '',
        request_id text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, grant_id, version),
        FOREIGN KEY (business_id, grant_id) REFERENCES consent_grants(business_id, id)
      );
      CREATE TRIGGER consent_grant_events_append_only BEFORE UPDATE OR DELETE ON consent_grant_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER consent_grant_events_no_truncate BEFORE TRUNCATE ON consent_grant_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- Every access from outside the business, allowed or refused, and under which grant.
      CREATE TABLE consent_access_log (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- NULL only when the recipient never had a grant here.
        grant_id uuid,
        grant_version int,
        -- NULL: Keeper's pre-qualification.
        lender_id uuid REFERENCES lender_organisations(id),
        accessor_kind text NOT NULL CHECK (accessor_kind IN ('lender_user', 'lender_api_key', 'keeper')),
        lender_user_id uuid REFERENCES users(id),
        -- The lender API's keys come with the lender API; the foreign key comes with their table.
        api_key_id uuid,
        -- NULL: the consent itself (that it exists, and its terms), no data of the business.
        scope text CHECK (scope IN ('profile', 'statements', 'aggregates', 'raw_documents')),
        resource text NOT NULL CHECK (length(resource) BETWEEN 1 AND 300),
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'refused')),
        refusal_reason text CHECK (refusal_reason IN ('no_grant', 'revoked', 'expired', 'replaced', 'scope_not_granted')),
        request_id text,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, grant_id) REFERENCES consent_grants(business_id, id),
        CHECK ((outcome = 'refused') = (refusal_reason IS NOT NULL)),
        CHECK (outcome = 'refused' OR grant_id IS NOT NULL),
        CHECK ((grant_id IS NULL) = (grant_version IS NULL)),
        CHECK ((accessor_kind = 'lender_user') = (lender_user_id IS NOT NULL)),
        CHECK ((accessor_kind = 'lender_api_key') = (api_key_id IS NOT NULL)),
        CHECK ((accessor_kind = 'keeper') = (lender_id IS NULL))
      );
      CREATE INDEX consent_access_log_list ON consent_access_log (business_id, at DESC, id DESC);
      CREATE INDEX consent_access_log_grant ON consent_access_log (business_id, grant_id, at DESC, id DESC);
      CREATE TRIGGER consent_access_log_append_only BEFORE UPDATE OR DELETE ON consent_access_log
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER consent_access_log_no_truncate BEFORE TRUNCATE ON consent_access_log
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
    `);

    for (const table of ['consent_grants', 'consent_grant_events', 'consent_access_log']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }

    await q.query(`
      -- A lender's live grants across businesses, newest first (keyset after p_after_at, p_after_id):
      -- only what the grant itself tells the lender. Reading anything of a business, its name
      -- included, then happens in that business's tenant transaction, through the access log.
      CREATE FUNCTION lender_live_grants(p_lender_id uuid, p_limit int, p_after_at timestamptz, p_after_id uuid)
        RETURNS TABLE (business_id uuid, grant_id uuid, cursor_at text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT g.business_id, g.id, g.granted_at::text
            FROM consent_grants g
           WHERE g.lender_id = p_lender_id AND ${open('g.')} AND g.expires_at > now()
             AND (p_after_at IS NULL OR (g.granted_at, g.id) < (p_after_at, p_after_id))
           ORDER BY g.granted_at DESC, g.id DESC
           LIMIT p_limit
        $$;

      -- Businesses with at least one live grant (to a lender or to Keeper's pre-qualification), in
      -- id order after p_after: what the credit pipeline re-scores.
      CREATE FUNCTION businesses_with_live_consent(p_limit int, p_after uuid)
        RETURNS TABLE (business_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT DISTINCT g.business_id
            FROM consent_grants g
           WHERE ${open('g.')} AND g.expires_at > now()
             AND (p_after IS NULL OR g.business_id > p_after)
           ORDER BY g.business_id
           LIMIT p_limit
        $$;

      -- Grants past their expiry whose expiry is not recorded yet; the expiry job re-checks each
      -- under RLS and records it once.
      CREATE FUNCTION due_consent_expiries(p_limit int)
        RETURNS TABLE (business_id uuid, grant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT g.business_id, g.id
            FROM consent_grants g
           WHERE ${open('g.')} AND g.expires_at <= now()
           ORDER BY g.expires_at
           LIMIT p_limit
        $$;

      REVOKE EXECUTE ON FUNCTION lender_live_grants(uuid, int, timestamptz, uuid), businesses_with_live_consent(int, uuid),
        due_consent_expiries(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION lender_live_grants(uuid, int, timestamptz, uuid), businesses_with_live_consent(int, uuid),
        due_consent_expiries(int) TO keeper_app;

      -- Grants are changed (renewed, narrowed, ended) but never deleted; their history and the
      -- access log are append-only.
      GRANT SELECT, INSERT, UPDATE ON consent_grants TO keeper_app;
      GRANT SELECT, INSERT ON consent_grant_events, consent_access_log TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS due_consent_expiries(int), businesses_with_live_consent(int, uuid),
        lender_live_grants(uuid, int, timestamptz, uuid);
      DROP TABLE IF EXISTS consent_access_log, consent_grant_events, consent_grants;
      DROP INDEX IF EXISTS security_events_email_idx;
      CREATE INDEX security_events_email_idx ON security_events (email, created_at) WHERE kind = 'sign_in_failed';
      ALTER TABLE security_events DROP CONSTRAINT security_events_kind_check;
      ALTER TABLE security_events ADD CONSTRAINT security_events_kind_check
        CHECK (kind IN ('sign_up', 'sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out'));
      ALTER TABLE sessions DROP COLUMN IF EXISTS password_confirmed_at;
      ALTER TABLE lender_organisations DROP COLUMN IF EXISTS description_zh, DROP COLUMN IF EXISTS description;
    `);
  }
}
