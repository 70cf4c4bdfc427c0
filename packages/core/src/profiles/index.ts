export * from "./geometry.js";
export type { AddressCheck, AllocatorProfile, PointerSize } from "./profile.js";
export { profile, profileForVersion, profileIds, UnknownProfileError } from "./registry.js";
export * from "./versions.js";
