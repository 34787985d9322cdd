// Moved to web/components/labels; this re-export serves web/features/projects, which is being built on another
// branch. Delete it once that branch imports from web/components.
export { pick } from '../../components/labels.js';
