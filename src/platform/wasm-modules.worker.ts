/**
 * Types for `import m from '….wasm'` in the Workers build: wrangler bundles a .wasm file as a
 * compiled WebAssembly.Module (its default rule `CompiledWasm`). A script, not a module, so
 * that the declaration is global.
 */
declare module '*.wasm' {
  const compiled: WebAssembly.Module;
  export default compiled;
}
