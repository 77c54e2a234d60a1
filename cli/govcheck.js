#!/usr/bin/env node
// The bin entry: registers tsx so the TypeScript sources run directly, without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
