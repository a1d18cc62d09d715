/** PostgreSQL errors the catalog turns into domain errors (TypeORM copies the driver's fields). */
interface PgError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

const fields = (e: unknown) => {
  const err = (e ?? {}) as PgError;
  return { code: err.code ?? err.driverError?.code, constraint: err.constraint ?? err.driverError?.constraint };
};

/**
 * 23503: a row still refers to the one being deleted. Documents reference catalog rows with
 * ON DELETE RESTRICT, so this is how a delete learns the row is in use without having to know
 * every table that may refer to it, now or later.
 */
export const isForeignKeyViolation = (e: unknown) => fields(e).code === '23503';

/** 23505 on the named unique index or constraint. */
export const isUniqueViolation = (e: unknown, constraint: string) => {
  const f = fields(e);
  return f.code === '23505' && f.constraint === constraint;
};
