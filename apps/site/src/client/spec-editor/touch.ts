// Touch screens get the plain textarea (Monaco does not support mobile browsers), and so no hints about
// keys a phone does not have.

export const isTouchScreen = (): boolean => window.matchMedia("(pointer: coarse)").matches;
