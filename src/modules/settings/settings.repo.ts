import { inList, one, rows, sql, type Db } from '../../db/client.ts';

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const row = await one<{ value: T | string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  if (!row) return null;
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

export async function setSetting(db: Db, key: string, value: unknown) {
  await db.execute(sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value)}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
}

export interface DemoSetting {
  password: string;
  usernames: string[];
}

/** On a demo instance the login page lists one account per role with the shared demo password. */
export async function getDemoInfo(db: Db) {
  const demo = await getSetting<DemoSetting>(db, 'demo');
  if (!demo) return { demo: false, accounts: [] };
  const accounts = await rows<{ username: string; role: string; display_name: string; region_name: string }>(
    db,
    sql`SELECT u.username, u.role, u.display_name, r.name AS region_name FROM users u JOIN regions r ON r.code = u.region_code
      WHERE u.username IN ${inList(demo.usernames)}`,
  );
  accounts.sort((a, b) => demo.usernames.indexOf(a.username) - demo.usernames.indexOf(b.username));
  return {
    demo: true,
    password: demo.password,
    accounts: accounts.map((a) => ({ username: a.username, role: a.role, displayName: a.display_name, regionName: a.region_name })),
  };
}
