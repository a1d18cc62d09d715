import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: identity, businesses and memberships, lender organisations, invitations,
 * audit and security events, outbox and idempotency records.
 *
 * Runs as `keeper_owner` (owns the schema, BYPASSRLS so the few SECURITY DEFINER functions below
 * can look across tenants). The runtime role `keeper_app` gets table privileges only; it owns
 * nothing and is subject to RLS everywhere (FORCE makes even the owner subject to it).
 */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Tenant settings are transaction-local; '' (reset) and unset both mean "no tenant".
      CREATE FUNCTION app_business_id() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('app.business_id', true), '')::uuid $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (email = lower(email))
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        ip inet,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      -- Security events have no tenant: sign-ups, sign-ins, failures, sign-outs. Also the
      -- source of truth for sign-in rate limiting, so limits hold across API replicas.
      CREATE TABLE security_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('sign_up', 'sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out')),
        user_id uuid REFERENCES users(id),
        email text,
        ip inet,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX security_events_email_idx ON security_events (email, created_at) WHERE kind = 'sign_in_failed';
      CREATE INDEX security_events_ip_idx ON security_events (ip, created_at) WHERE kind IN ('sign_in', 'sign_in_failed');
      CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE businesses (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        base_currency char(3) NOT NULL CHECK (base_currency ~ '^[A-Z]{3}$'),
        country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        timezone text NOT NULL DEFAULT 'UTC',
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE memberships (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'accountant', 'staff')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      CREATE TABLE invitations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'accountant', 'staff')),
        token_hash bytea NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        email_sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id)
      );

      CREATE TABLE audit_events (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        action text NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        actor_kind text NOT NULL DEFAULT 'user' CHECK (actor_kind IN ('user', 'lender', 'system')),
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        request_id text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (business_id, id)
      );
      CREATE INDEX audit_events_list_idx ON audit_events (business_id, created_at DESC, id DESC);
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE outbox (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        job text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dispatched', 'done', 'dead')),
        dispatch_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        done_at timestamptz,
        last_error text,
        PRIMARY KEY (business_id, id)
      );
      CREATE INDEX outbox_open_idx ON outbox (created_at) WHERE status IN ('pending', 'dispatched');

      CREATE TABLE idempotency_keys (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status int NOT NULL,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, principal, key)
      );

      -- Mutations outside any business (creating a business, accepting an invitation).
      CREATE TABLE account_idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status int NOT NULL,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      );

      CREATE TABLE lender_organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        legal_name text,
        country char(2),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE lender_members (
        lender_id uuid NOT NULL REFERENCES lender_organisations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lender_id, user_id)
      );
      CREATE INDEX lender_members_user_idx ON lender_members (user_id);
    `);

    // Row-level security. Tenant tables see only the transaction's business; memberships also
    // show a user their own rows (to list "my businesses"), and a business is visible to its members.
    await q.query(`
      ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
      ALTER TABLE businesses FORCE ROW LEVEL SECURITY;
      CREATE POLICY businesses_tenant ON businesses
        USING (id = app_business_id()
               OR EXISTS (SELECT 1 FROM memberships m WHERE m.business_id = businesses.id AND m.user_id = app_user_id()))
        WITH CHECK (id = app_business_id());

      ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
      ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
      CREATE POLICY memberships_tenant ON memberships
        USING (business_id = app_business_id() OR user_id = app_user_id())
        WITH CHECK (business_id = app_business_id());
    `);
    for (const table of ['invitations', 'audit_events', 'outbox', 'idempotency_keys']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }

    // Narrow cross-tenant entry points for the runtime role. Each returns only what the caller
    // needs to then open a proper tenant transaction.
    await q.query(`
      CREATE FUNCTION find_invitation(p_token_hash bytea)
        RETURNS TABLE (business_id uuid, invitation_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT i.business_id, i.id FROM invitations i WHERE i.token_hash = p_token_hash $$;

      -- The outbox relay claims due rows across tenants: new ones, and dispatched ones whose job
      -- never completed (Redis lost it, or the worker died) after the given number of seconds.
      CREATE FUNCTION claim_outbox(p_limit int, p_redispatch_after_seconds int)
        RETURNS TABLE (business_id uuid, id uuid, job text, payload jsonb, dispatch_count int)
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE outbox o SET status = 'dispatched', dispatched_at = now(), dispatch_count = o.dispatch_count + 1
          FROM (
            SELECT c.business_id, c.id FROM outbox c
            WHERE c.status = 'pending'
               OR (c.status = 'dispatched' AND c.dispatched_at < now() - make_interval(secs => p_redispatch_after_seconds))
            ORDER BY c.created_at
            LIMIT p_limit
            FOR UPDATE SKIP LOCKED
          ) due
          WHERE o.business_id = due.business_id AND o.id = due.id
          RETURNING o.business_id, o.id, o.job, o.payload, o.dispatch_count
        $$;

      -- A dispatch that failed to reach Redis goes back to pending at once.
      CREATE FUNCTION release_outbox(p_business_id uuid, p_id uuid, p_error text)
        RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
        AS $$ UPDATE outbox SET status = 'pending', last_error = left(p_error, 2000)
              WHERE business_id = p_business_id AND id = p_id AND status = 'dispatched' $$;

      CREATE FUNCTION outbox_counts()
        RETURNS TABLE (status text, count bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT status, count(*) FROM outbox GROUP BY status $$;

      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
    `);

    await q.query(`
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
      REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO keeper_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON
        users, sessions, businesses, memberships, invitations, outbox, idempotency_keys,
        account_idempotency_keys, lender_organisations, lender_members TO keeper_app;
      GRANT SELECT, INSERT ON audit_events, security_events TO keeper_app;
      GRANT EXECUTE ON FUNCTION app_business_id(), app_user_id(), refuse_change(), outbox_notify(),
        find_invitation(bytea), claim_outbox(int, int), release_outbox(uuid, uuid, text), outbox_counts()
        TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS lender_members, lender_organisations, account_idempotency_keys, idempotency_keys,
        outbox, audit_events, invitations, memberships, businesses, security_events, sessions, users CASCADE;
      DROP FUNCTION IF EXISTS outbox_counts(), release_outbox(uuid, uuid, text), claim_outbox(int, int),
        find_invitation(bytea), outbox_notify(), refuse_change(), app_user_id(), app_business_id();
    `);
  }
}
