// The `hyphen` package ships no types; these are the two entry points used.
// They are CommonJS, so they are imported as default exports.
interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/en-us' {
  const hyphen: HyphenModule;
  export default hyphen;
}
declare module 'hyphen/es' {
  const hyphen: HyphenModule;
  export default hyphen;
}
// The compiled patterns behind them (see liang.ts for their shape).
declare module 'hyphen/patterns/en-us' {
  const patterns: import('./liang').CompiledPatterns;
  export default patterns;
}
declare module 'hyphen/patterns/es' {
  const patterns: import('./liang').CompiledPatterns;
  export default patterns;
}
