import { one, sql, type Db } from '../../db/client.ts';
import type { Role } from '../../core/access/principal.ts';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string;
  region_name: string;
  department_id: number | null;
  department_name: string | null;
  line: string | null;
  enterprise_id: number | null;
  enterprise_name: string | null;
  failed_attempts: number;
  locked_until: Date | string | null;
  must_change_password: boolean;
}

const userSelect = sql`SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.region_code, r.name AS region_name,
  u.department_id, d.name AS department_name, d.line, u.enterprise_id, e.name AS enterprise_name,
  u.failed_attempts, u.locked_until, u.must_change_password
  FROM users u JOIN regions r ON r.code = u.region_code
  LEFT JOIN departments d ON d.id = u.department_id
  LEFT JOIN enterprises e ON e.id = u.enterprise_id`;

export function findUserByUsername(db: Db, username: string) {
  return one<UserRow>(db, sql`${userSelect} WHERE u.username = ${username}`);
}

export function findUserById(db: Db, id: number) {
  return one<UserRow>(db, sql`${userSelect} WHERE u.id = ${id}`);
}

export async function recordFailedLogin(db: Db, userId: number, maxAttempts: number, lockUntil: Date) {
  return one<{ failed_attempts: number; locked_until: Date | string | null }>(
    db,
    sql`UPDATE users SET failed_attempts = failed_attempts + 1,
      locked_until = CASE WHEN failed_attempts + 1 >= ${maxAttempts} THEN ${lockUntil.toISOString()}::timestamptz ELSE locked_until END
      WHERE id = ${userId} RETURNING failed_attempts, locked_until`,
  );
}

export async function resetFailedLogins(db: Db, userId: number) {
  await db.execute(sql`UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ${userId}`);
}

export async function setPasswordHash(db: Db, userId: number, hash: string, now: Date) {
  await db.execute(
    sql`UPDATE users SET password_hash = ${hash}, must_change_password = false, updated_at = ${now.toISOString()} WHERE id = ${userId}`,
  );
}

export async function createSession(db: Db, id: string, userId: number, expiresAt: Date) {
  await db.execute(
    sql`INSERT INTO sessions (id, user_id, expires_at) VALUES (${id}, ${userId}, ${expiresAt.toISOString()})`,
  );
}

export async function deleteSession(db: Db, id: string) {
  await db.execute(sql`DELETE FROM sessions WHERE id = ${id}`);
}

export async function deleteSessionsOfUser(db: Db, userId: number, exceptId?: string) {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId} AND id <> ${exceptId ?? ''}`);
}

/** The session's user, sliding the expiry forward; null when unknown or expired. */
export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date) {
  const row = await one<{ user_id: number }>(
    db,
    sql`UPDATE sessions SET last_seen_at = ${now.toISOString()}, expires_at = ${expiresAt.toISOString()}
      WHERE id = ${id} AND expires_at > ${now.toISOString()} RETURNING user_id`,
  );
  return row?.user_id ?? null;
}

export async function purgeExpiredSessions(db: Db, now: Date) {
  await db.execute(sql`DELETE FROM sessions WHERE expires_at <= ${now.toISOString()}`);
}
