import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, verifyPassword } from './password.js';
import type { Role } from '../access/roles.js';

/**
 * One account per role over the demo data, so that a newcomer can log in as each kind of user (demo mode only: the
 * embedded database with the Kota Sibolga demo data). The password is fixed and printed: these accounts guard
 * nothing real.
 */
export const DEMO_PASSWORD = 'sibolga-demo';

/** A demo account as the start command prints it. */
export interface DemoAccount {
  login: string;
  role: Role;
  /** Who the account is, in words (the employee's position and agency, or the office). */
  who: string;
  /** False when the account's password is no longer the demo password (changed, or an account made before). */
  demoPassword: boolean;
}

interface DemoSpec {
  login: string;
  role: Role;
  displayName: string | null;
  /** Finds the employee to link (their id), or null for an account that is not an employee. */
  employee: ((em: EntityManager) => Promise<{ id: number; who: string } | null>) | null;
}

async function employeeWhere(
  em: EntityManager,
  condition: string,
  params: unknown[],
): Promise<{ id: number; who: string } | null> {
  const rows: { id: number; position: string | null; code: string }[] = await em.execute(
    `select e.id, e.position, a.code from employee e join agency a on a.id = e.agency_id
      where ${condition} and (e.active_to is null or e.active_to >= current_date)
      order by e.nip limit 1`,
    params,
  );
  const row = rows[0];
  return row ? { id: row.id, who: `${row.position ?? 'employee'}, ${row.code}` } : null;
}

/** The head of DISDIK: the one employee of the agency whose supervisor is outside it (the Sekda). */
const headOfDisdik = (em: EntityManager) =>
  employeeWhere(
    em,
    `a.code = 'DISDIK' and not exists (select 1 from employee s where s.id = e.supervisor_id and s.agency_id = e.agency_id)`,
    [],
  );

/** A kepala bidang of DISDIK with a line under them (the primary-school bidang: the schools report to it). */
const kepalaBidang = (em: EntityManager) =>
  employeeWhere(
    em,
    `a.code = 'DISDIK' and e.position like 'Kepala Bidang%'
       and exists (select 1 from employee r where r.supervisor_id = e.id and r.position like 'Kepala SD%')`,
    [],
  );

/** A class teacher of a primary school in that bidang: an EMPLOYEE with scores, trainings and an assessor. */
const guru = (em: EntityManager) =>
  employeeWhere(
    em,
    `a.code = 'DISDIK' and e.position like 'Guru%'
       and exists (select 1 from employee k join employee b on b.id = k.supervisor_id
                    where k.id = e.supervisor_id and k.position like 'Kepala SD%' and b.position like 'Kepala Bidang%')`,
    [],
  );

/**
 * The head of `guru`'s school: the teacher's direct supervisor, who scores them (the browser flow "the supervisor
 * scores guru"); their own supervisor is the kepala bidang.
 */
const kepalaSekolah = async (em: EntityManager) => {
  const teacher = await guru(em);
  if (!teacher) return null;
  return employeeWhere(em, 'e.id = (select supervisor_id from employee where id = ?)', [teacher.id]);
};

const SPECS: readonly DemoSpec[] = [
  { login: 'admin', role: 'ADMIN', displayName: 'Administrator BKPSDM (demo)', employee: null },
  { login: 'walikota', role: 'LEADER', displayName: 'Wali Kota Sibolga (demo)', employee: null },
  { login: 'kebijakan', role: 'POLICY', displayName: 'Staf kebijakan (demo)', employee: null },
  { login: 'analis', role: 'ANALYST', displayName: 'Analis data (demo)', employee: null },
  { login: 'kadisdik', role: 'AGENCY_HEAD', displayName: null, employee: headOfDisdik },
  { login: 'kabid', role: 'SUPERVISOR', displayName: null, employee: kepalaBidang },
  { login: 'kepsek', role: 'SUPERVISOR', displayName: null, employee: kepalaSekolah },
  { login: 'guru', role: 'EMPLOYEE', displayName: null, employee: guru },
];

/**
 * Creates the demo accounts that do not exist yet (all share `DEMO_PASSWORD`) and returns every one of them, saying
 * which still have the demo password. An account whose employee is not in the data (a data set without DISDIK) is
 * left out. Idempotent: a restart creates nothing new and changes no password.
 */
export async function ensureDemoAccounts(em: EntityManager): Promise<DemoAccount[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  for (const spec of SPECS) {
    const existing: { role: Role; who: string | null; password_hash: string }[] = await em.execute(
      `select u.role, coalesce(e.position || ', ' || a.code, u.display_name) as who, u.password_hash
         from app_user u left join employee e on e.id = u.employee_id left join agency a on a.id = e.agency_id
        where u.login = ?`,
      [spec.login],
    );
    if (existing[0]) {
      accounts.push({
        login: spec.login,
        role: existing[0].role,
        who: existing[0].who ?? '',
        demoPassword: await verifyPassword(existing[0].password_hash, DEMO_PASSWORD),
      });
      continue;
    }
    const employee = spec.employee ? await spec.employee(em) : null;
    if (spec.employee && !employee) continue;
    // An employee who has an account already (bulk accounts made before) keeps it; the demo account is skipped.
    const inserted: unknown[] = await em.execute(
      `insert into app_user (login, password_hash, role, employee_id, display_name) values (?, ?, ?, ?, ?)
       on conflict do nothing returning id`,
      [spec.login, hash, spec.role, employee?.id ?? null, spec.displayName],
    );
    if (inserted.length > 0) {
      accounts.push({
        login: spec.login,
        role: spec.role,
        who: employee?.who ?? spec.displayName ?? '',
        demoPassword: true,
      });
    }
  }
  return accounts;
}

/** The demo accounts as the start command prints them: a table with the shared password. */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const header = ['login', 'role', 'who'];
  const rows = accounts.map((a) => [a.login, a.role, a.demoPassword ? a.who : `${a.who} (password changed)`]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [
    `Demo accounts (demo mode only), password for each: ${DEMO_PASSWORD}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '  Log in with the mutation login(login, password) in GraphiQL; without a token you read as POLICY would.',
  ].join('\n');
}
