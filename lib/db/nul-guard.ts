// PostgreSQL cannot hold a NUL byte in text: a query whose parameter carries one fails outright
// (error 22021), which a person would see as a 500. No stored text can contain one either, so
// this adapter wrapper hands every text parameter to the database with each NUL read as U+FFFD,
// the replacement character: a lookup by such an id or code then finds nothing ("not found"),
// a search matches nothing, and the request is answered. Forms still refuse NUL bytes with their
// own message (lib/validation/text.ts); this is the floor under every query, for the inputs no
// form checks (ids in addresses, route parameters). docs/decisions/024-nul-bytes-in-queries.md.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";

const REPLACEMENT = "\uFFFD";

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", REPLACEMENT) : value;
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

function cleanQuery(query: SqlQuery): SqlQuery {
  return { ...query, args: query.args.map(clean) };
}

function guardQueryable<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => queryRaw(cleanQuery(query));
  queryable.executeRaw = (query) => executeRaw(cleanQuery(query));
  return queryable;
}

function guardAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  guardQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => guardQueryable(await startTransaction(...args));
  return adapter;
}

/** The factory's connections, with NUL bytes in text parameters read as U+FFFD. */
export function withoutNulBytes<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => guardAdapter(await connect());
  return factory;
}
