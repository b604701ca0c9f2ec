export { policyEnforced } from './enforced';
