/** Pure domain rules live here (no Node, no DOM, no database); features add their modules. */
export * from './calendar';
export * from './dates';
export * from './lockout';
export * from './password-policy';
export * from './org';
export * from './documents/model';
export * from './plans';
export * from './letters';
export * from './notices';
export * from './lifecycle';
export * from './lifecycles';
export * from './board-list';
export * from './scoring';
export * from './scoring-check';
export * from './scoring-explain';
export * from './scoring-rank';
export * from './scoring-year';
