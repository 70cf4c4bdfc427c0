export { type BuildFacts, candidateProfiles, releaseNumber } from "./builds.js";
export {
  DEBUG_HOOKS_SINCE,
  debugHookBytes,
  hasDebugBuild,
  withDebugHooks,
  withoutDebugHooks,
} from "./debug-hooks.js";
export * from "./geometry.js";
export type {
  CollectorProfile,
  DictProfile,
  FreeListLimits,
  ObjectProfile,
  RefcountProfile,
  WeakrefProfile,
} from "./object-profile.js";
export { objectProfile, onWasm32 } from "./object-versions.js";
export type { AddressCheck, AllocatorProfile, PointerSize } from "./profile.js";
export { profile, profileForVersion, profileIds, withoutPointerSize } from "./registry.js";
export { checkRelease, LATEST_PATCH, latestRelease } from "./releases.js";
export * from "./versions.js";
