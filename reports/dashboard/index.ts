// The dashboard behind `govcheck serve`.
export { createDashboard, type Dashboard } from './server.ts';
export { createToken, listTokens, revokeToken, hasTokens, parseTokenSpec, TokenError } from './auth.ts';
export { pendingSelfCheck } from './queries.ts';
export type { DashboardOptions, Principal, SelfCheckOutcome, SelfCheckService } from './types.ts';
