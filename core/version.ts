import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const VERSION: string = require('../package.json').version;
/** Bumped whenever a rule's logic changes, so trend breaks after an upgrade are explained. */
export const RULESET_VERSION = '2026.11.1';
export const AXE_VERSION: string = require('axe-core/package.json').version;
