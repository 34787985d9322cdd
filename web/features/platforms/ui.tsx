// Moved to web/components/feedback; this re-export serves web/features/projects, which is being built on another
// branch. Delete it once that branch imports from web/components.
export { SaveFailed } from '../../components/feedback.js';
