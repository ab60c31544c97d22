import type { ApiModule } from '../../graphql/module.js';
import { TransparencyResolver } from './transparency.resolver.js';

/** Transparency: how an employee's predikat came about, criterion by criterion. */
export const transparencyModule = {
  name: 'transparency',
  resolvers: [TransparencyResolver],
} satisfies ApiModule;
