import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Loaders } from '../graphql/context.js';
import { agencyModule } from '../modules/agency/index.js';
import { criteriaModule } from '../modules/criteria/index.js';
import { dialogueModule } from '../modules/dialogue/index.js';
import { employeeModule } from '../modules/employee/index.js';
import { evaluationsModule } from '../modules/evaluations/index.js';
import { innovationModule } from '../modules/innovation/index.js';
import { orgPerformanceModule } from '../modules/org-performance/index.js';
import { periodsModule } from '../modules/periods/index.js';
import { trainingModule } from '../modules/training/index.js';

/** Builds one module's loaders for a request; `all` is the request's whole set (for loaders that prime others). */
type LoaderFactory = (em: EntityManager, policy: ScoringPolicy, all: Loaders) => object;

const FACTORIES: readonly LoaderFactory[] = [
  (em) => agencyModule.createLoaders(em),
  (em) => employeeModule.createLoaders(em),
  (em) => periodsModule.createLoaders(em),
  (em) => criteriaModule.createLoaders(em),
  (em, policy, all) => evaluationsModule.createLoaders(em, policy, all),
  (em) => innovationModule.createLoaders(em),
  (em) => trainingModule.createLoaders(em),
  (em) => orgPerformanceModule.createLoaders(em),
  (em) => dialogueModule.createLoaders(em),
];

interface LazyState {
  readonly em: EntityManager;
  readonly policy: ScoringPolicy;
  readonly sets: (Record<string, unknown> | undefined)[];
}

let prototype: object | null = null;

/**
 * One getter per loader name, shared by every request: the first use of a module's loader builds that module's set
 * for the request. The names come from building each set once per process (a factory only creates DataLoaders; none
 * reads the database before a load).
 */
function loaderPrototype(): object {
  if (prototype) return prototype;
  const proto = {};
  FACTORIES.forEach((factory, i) => {
    const probe = factory(null as unknown as EntityManager, null as unknown as ScoringPolicy, {} as Loaders);
    for (const name of Object.keys(probe)) {
      if (Object.hasOwn(proto, name)) throw new Error(`two modules define the loader ${name}`);
      Object.defineProperty(proto, name, {
        enumerable: true,
        get(this: LazyState) {
          const set = (this.sets[i] ??= factory(this.em, this.policy, this as unknown as Loaders) as Record<
            string,
            unknown
          >);
          return set[name];
        },
      });
    }
  });
  prototype = proto;
  return proto;
}

/**
 * The loader set of one request, from every module's loaders: a nested query over N rows asks the database once per
 * level, not once per row. Relations are read through these by id (`entity.agency.id` is known without loading the
 * agency), never by touching an unloaded reference. Each loader caches for the request only. A module's loaders are
 * built on first use: most requests use one or two of the nine modules' sets (docs/benchmarks.md).
 */
export function createLoaders(em: EntityManager, policy: ScoringPolicy): Loaders {
  const state: LazyState = { em, policy, sets: [] };
  return Object.assign(Object.create(loaderPrototype()) as object, state) as unknown as Loaders;
}
