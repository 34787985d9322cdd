// Moved to web/components/money; this re-export serves web/features/projects, which is being built on another
// branch. Delete it once that branch imports from web/components.
export { money } from '../../components/money.js';
