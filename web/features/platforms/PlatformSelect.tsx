// Moved to web/components/PlatformSelect; this re-export serves web/features/projects, which is being built on another
// branch. Delete it once that branch imports from web/components.
export { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
