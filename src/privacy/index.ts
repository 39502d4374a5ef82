/**
 * The privacy rights: what we hold, export, correction, restriction, deletion (through the one
 * purge), the policy and its consents, and the retention jobs. Ops and jobs use it through here.
 */
export { privacyApi } from './api';
export { privacyPageRoutes } from './pages';
export { policyGate } from './policy-gate';
export { privacyJobs } from './jobs';
export { purgeAccountsWhere, purgePerson } from './purge';
export { personColumns } from './registry';
export {
  decideRestriction,
  listRestrictionRequests,
  type DecisionResult,
  type RestrictionRequest,
} from './restriction-review';
export { restrictionDecisionSchema } from './schemas';
