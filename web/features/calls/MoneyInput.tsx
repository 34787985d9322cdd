// Moved to web/components/MoneyInput; this re-export serves web/features/projects, which is being built on another
// branch. Delete it once that branch imports from web/components.
export { MoneyInput } from '../../components/MoneyInput.js';
