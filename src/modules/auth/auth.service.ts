import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Principal } from '../../core/access/principal.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Principal['role'];
  regionCode: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  line: string | null;
  mustChangePassword: boolean;
}

export function toMe(u: repo.UserRow): Me {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    regionName: u.region_name,
    departmentId: u.department_id,
    departmentName: u.department_name,
    enterpriseId: u.enterprise_id,
    enterpriseName: u.enterprise_name,
    line: u.line,
    mustChangePassword: u.must_change_password,
  };
}

export function toPrincipal(u: repo.UserRow): Principal {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    departmentId: u.department_id,
    line: u.line,
    enterpriseId: u.enterprise_id,
  };
}

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Five wrong passwords in a row lock the account for LOCK_MINUTES; the lock is checked before the password. */
export async function login(opts: {
  db: Db;
  username: string;
  password: string;
  now: Date;
  ttlHours: number;
}): Promise<{ token: string; me: Me; expiresAt: Date }> {
  const { db, now } = opts;
  const user = await repo.findUserByUsername(db, opts.username.trim());
  if (!user) {
    // Spend the same time as a real check so usernames cannot be probed by timing.
    await verifyPassword(opts.password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    throw new AppError(401, 'auth.invalid_credentials');
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new AppError(423, 'auth.locked', { until: new Date(user.locked_until).toISOString() });
  }
  if (!(await verifyPassword(opts.password, user.password_hash))) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const after = await repo.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, lockUntil);
    if (after && after.failed_attempts >= MAX_FAILED_LOGINS) {
      await appendAudit(db, { id: user.id, name: user.username }, [
        { action: 'lock', entityType: 'user', entityId: user.id, after: { lockedUntil: lockUntil.toISOString() } },
      ], now);
      throw new AppError(423, 'auth.locked', { until: lockUntil.toISOString() });
    }
    throw new AppError(401, 'auth.invalid_credentials');
  }
  await repo.resetFailedLogins(db, user.id);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + opts.ttlHours * 3_600_000);
  await repo.createSession(db, sessionId(token), user.id, expiresAt);
  return { token, me: toMe({ ...user, failed_attempts: 0, locked_until: null }), expiresAt };
}

export async function logout(opts: { db: Db; token: string }) {
  sessionCache.delete(sessionId(opts.token));
  await repo.deleteSession(opts.db, sessionId(opts.token));
}

/**
 * With the embedded database this process is the only one, so sessions can be remembered here: a request then
 * needs no query to know its user — which keeps the progress of a long import answering while the import's
 * transaction holds PGlite. The database row is still slid forward, at most once a minute. (On PostgreSQL several
 * processes share sessions, so every request asks the database.)
 */
interface CachedSession {
  user: repo.UserRow;
  expiresAt: number;
  touchedAt: number;
}
const sessionCache = new Map<string, CachedSession>();

function forgetUser(userId: number, exceptId?: string) {
  for (const [id, c] of sessionCache) if (c.user.id === userId && id !== exceptId) sessionCache.delete(id);
}

/** The user behind a session cookie, or null. Slides the session forward. */
export async function authenticate(opts: { db: Db; token: string; now: Date; ttlHours: number; cache?: boolean }) {
  const id = sessionId(opts.token);
  const now = opts.now.getTime();
  const expiresAt = new Date(now + opts.ttlHours * 3_600_000);
  const cached = opts.cache ? sessionCache.get(id) : undefined;
  if (cached && cached.expiresAt > now) {
    cached.expiresAt = expiresAt.getTime();
    if (now - cached.touchedAt > 60_000) {
      cached.touchedAt = now;
      void repo.touchSession(opts.db, id, opts.now, expiresAt).catch(() => {});
    }
    return cached.user;
  }
  sessionCache.delete(id);
  const userId = await repo.touchSession(opts.db, id, opts.now, expiresAt);
  if (userId === null) return null;
  const user = await repo.findUserById(opts.db, userId);
  if (user && opts.cache) sessionCache.set(id, { user, expiresAt: expiresAt.getTime(), touchedAt: now });
  return user ?? null;
}

export async function changePassword(opts: {
  db: Db;
  principal: Principal;
  token: string;
  oldPassword: string;
  newPassword: string;
  now: Date;
}) {
  const user = await repo.findUserById(opts.db, opts.principal.userId);
  if (!user) throw new AppError(401, 'auth.unauthenticated');
  if (!(await verifyPassword(opts.oldPassword, user.password_hash))) {
    throw invalid([{ field: 'oldPassword', key: 'auth.wrong_old_password' }], 'auth.wrong_old_password');
  }
  const problem = passwordProblem(opts.newPassword);
  if (problem) throw invalid([{ field: 'newPassword', key: problem, params: { min: 8 } }], problem, { min: 8 });
  const hash = await hashPassword(opts.newPassword);
  await opts.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await repo.setPasswordHash(t, user.id, hash, opts.now);
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await repo.deleteSessionsOfUser(t, user.id, sessionId(opts.token));
    forgetUser(user.id, sessionId(opts.token));
    await appendAudit(t, { id: user.id, name: user.username }, [
      { action: 'change-password', entityType: 'user', entityId: user.id },
    ], opts.now);
  });
}
