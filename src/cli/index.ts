import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { openReady, startApp, VERSION } from '../app.ts';
import { seedDemo } from '../seed/demo.ts';
import { verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { verifySignedInspections } from '../modules/inspections/verify-signed.ts';
import { createUser } from '../modules/users/create-user.ts';
import { findUserByUsername } from '../modules/auth/auth.repo.ts';
import { toPrincipal } from '../modules/auth/auth.service.ts';
import { importEnterprises } from '../modules/enterprises/import-enterprises.ts';
import { AppError } from '../http/errors.ts';
import { translate, localeFrom } from '../i18n/messages.ts';
import type { Role } from '../core/access/principal.ts';
import { progressBar } from './progress.ts';
import { basename } from 'node:path';

const locale = localeFrom(process.env.LANG?.startsWith('en') ? 'en-US' : 'zh-CN');
const config = loadConfig();
const log = (m: string) => process.stderr.write(`${m}\n`);

/** Runs a command with the database open; closes it on the way out and on SIGINT/SIGTERM. */
async function withDb<T>(command: string, fn: (db: Awaited<ReturnType<typeof openReady>>) => Promise<T>): Promise<T> {
  const database = await openReady(config, command, log);
  const onSignal = async () => {
    await database.close();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn(database);
  } finally {
    await database.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function fail(e: unknown): never {
  if (e instanceof DataDirLockedError) {
    log(e.message);
    process.exit(3);
  }
  if (e instanceof AppError) {
    log(translate(locale, e.key, e.params));
    for (const d of e.details) log(`  ${d.row !== undefined ? `#${d.row} ` : ''}${d.field}: ${translate(locale, d.key, d.params)}`);
    process.exit(2);
  }
  log(String((e as Error)?.stack ?? e));
  process.exit(1);
}

const program = new Command('anjian').description('安监 Anjian — work-safety supervision platform').version(VERSION);

program
  .command('serve')
  .description('start the web app and API (PORT, default 8080)')
  .action(async () => {
    try {
      const { app, database } = await startApp(config, { logger: true, log });
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info(`${signal}: closing`);
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      log(`Anjian ${VERSION} on http://localhost:${config.port} (${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('migrate')
  .description('apply the versioned migrations')
  .action(async () => {
    try {
      await withDb('anjian migrate', async () => log('migrations applied'));
    } catch (e) {
      fail(e);
    }
  });

program
  .command('seed')
  .description('load reference data; with --demo also the demo data set')
  .option('--demo', 'load the demo enterprises, departments, inspectors and one user per role')
  .action(async (opts: { demo?: boolean }) => {
    try {
      await withDb('anjian seed', async ({ db }) => {
        if (opts.demo) await seedDemo(db, new Date(), log);
        else log('reference data loaded');
      });
    } catch (e) {
      fail(e);
    }
  });

const importCmd = program.command('import').description('bulk imports');
importCmd
  .command('enterprises <file>')
  .description('import enterprises from .xlsx or .csv; exits non-zero when nothing is written')
  .option('--allow-partial', 'import the good rows even if some rows are bad')
  .option('--as <username>', 'the accountable user (audit chain and data scope)', 'admin')
  .action(async (file: string, opts: { allowPartial?: boolean; as: string }) => {
    try {
      const code = await withDb('anjian import', async ({ db }) => {
        const user = await findUserByUsername(db, opts.as);
        if (!user) {
          log(`unknown user ${opts.as}`);
          return 2;
        }
        const bar = progressBar('import');
        const result = await importEnterprises({
          db,
          principal: toPrincipal(user),
          filePath: file,
          fileName: basename(file),
          allowPartial: !!opts.allowPartial,
          now: new Date(),
          onProgress: (phase, done, total) => bar.update(done, total, phase),
        });
        bar.done();
        for (const e of result.errors) log(`${locale === 'en-US' ? `row ${e.row}` : `第${e.row}行`} ${e.field}: ${translate(locale, e.key, e.params)}`);
        log(`rows ${result.total}, created ${result.created}, updated ${result.updated}, skipped ${result.skipped}, written ${result.written}`);
        process.stdout.write(`${JSON.stringify({ ...result, errors: result.errors.map((e) => ({ row: e.row, field: e.field, message: translate(locale, e.key, e.params) })) })}\n`);
        return result.written ? 0 : 1;
      });
      process.exitCode = code;
    } catch (e) {
      fail(e);
    }
  });

const userCmd = program.command('user').description('users');
userCmd
  .command('add')
  .description('create a user')
  .requiredOption('--username <u>')
  .requiredOption('--role <role>', 'admin | coordinator | dept_head | inspector | expert | grid_worker | enterprise_officer')
  .requiredOption('--region <code>', 'region code of the data scope')
  .requiredOption('--password <p>')
  .option('--department <id>', 'department id (department roles)')
  .option('--enterprise <uscc>', 'enterprise code (enterprise officer)')
  .option('--name <displayName>')
  .action(async (o: { username: string; role: string; region: string; password: string; department?: string; enterprise?: string; name?: string }) => {
    try {
      await withDb('anjian user add', async ({ db }) => {
        const id = await createUser({
          db,
          by: null,
          now: new Date(),
          input: {
            username: o.username,
            displayName: o.name,
            password: o.password,
            role: o.role as Role,
            regionCode: o.region,
            departmentId: o.department ? Number(o.department) : null,
            enterpriseUscc: o.enterprise ?? null,
          },
        });
        log(`user ${o.username} created (id ${id})`);
      });
    } catch (e) {
      fail(e);
    }
  });

const auditCmd = program.command('audit').description('the audit chain');
auditCmd
  .command('verify')
  .description('walk the chain; name the first record that was altered or removed')
  .action(async () => {
    try {
      const code = await withDb('anjian audit verify', async ({ db }) => {
        const r = await verifyAuditChain(db);
        if (r.ok) log(`audit chain intact: ${r.count} records`);
        else log(`audit chain BROKEN at record #${r.firstBad!.seq}: ${r.firstBad!.reason} (${r.count} records verified before it)`);
        // signed inspections: the content as stored must still hash to what was signed (and recorded in the chain)
        const s = await verifySignedInspections(db);
        for (const b of s.broken) log(`signed inspection ${b.code} (id ${b.inspectionId}) ALTERED after signing: ${b.reason}`);
        if (s.broken.length === 0) log(`signed inspections intact: ${s.checked}`);
        return r.ok && s.broken.length === 0 ? 0 : 1;
      });
      process.exitCode = code;
    } catch (e) {
      fail(e);
    }
  });

program
  .command('tasks [name]')
  .description('list the periodic tasks, or run one now by name (e.g. hazards.escalate)')
  .action(async (name?: string) => {
    try {
      const { TASKS, findTask } = await import('../modules/scheduler/tasks.ts');
      const { Scheduler } = await import('../modules/scheduler/scheduler.ts');
      if (!name) {
        for (const t of TASKS) process.stdout.write(`${t.name}\t${t.every}${t.at ? ` ${t.at}` : ''}\t${t.label['zh-CN']}\n`);
        return;
      }
      const task = findTask(name);
      if (!task) {
        log(`unknown task ${name}`);
        process.exitCode = 2;
        return;
      }
      await withDb('anjian tasks', async ({ db }) => {
        const now = new Date();
        await new Scheduler({ db, tasks: [task], dataDir: config.dataDir, log }).runOnce(task, `manual:${now.toISOString()}`);
      });
    } catch (e) {
      fail(e);
    }
  });

program
  .command('collide <scenario>')
  .description('run the joint-inspection collision on a scenario JSON (collision.md); schedule JSON on stdout, progress on stderr')
  .action(async (file: string) => {
    const { collideCommand } = await import('./collide.ts');
    process.exitCode = await collideCommand(file, {});
  });

await program.parseAsync(process.argv);
