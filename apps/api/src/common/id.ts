/**
 * Record ids are Postgres uuids (gen_random_uuid). Ids arrive from clients as GraphQL `ID`s or URL
 * parts; a malformed one is simply "not found" and never reaches SQL, where the uuid cast would
 * fail with an internal error instead of the Dutch NIET_GEVONDEN. The one check for that, used by
 * every service that looks a record up by an id from outside.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(waarde: unknown): waarde is string {
  return typeof waarde === 'string' && UUID.test(waarde);
}
