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
