// Page scripts (worker/in-page/*.js, source text never transpiled) called with the element identity of
// core/element-identity.js: `(script)(args, identity)`, where identity.refOf(el) gives an element's ref
// (the same one in every round trip of a page load) and identity.selectorOf(el) its selector, by the very
// code rules use on the serialised DOM.
import { readFileSync } from 'node:fs';

export const inPageSource = (name: string): string => readFileSync(new URL(`../in-page/${name}`, import.meta.url), 'utf8');

const IDENTITY_SOURCE = readFileSync(new URL('../../core/element-identity.js', import.meta.url), 'utf8').replace(/^export /gm, '');
const REFS_SOURCE = inPageSource('element-refs.js');

/** An expression for page.evaluate that runs `source` with `args` (JSON) and the element identity. */
export function withIdentity(source: string, args: unknown = null): string {
  return `(() => {
${IDENTITY_SOURCE}
const refs = (${REFS_SOURCE})(ELEMENT_REF_ATTRIBUTE);
return (${source})(${JSON.stringify(args)}, { refOf: (el) => refs.refOf(el), selectorOf: createSelectorOf(document), serialise: () => refs.serialise() });
})()`;
}

/** The page's DOM as page.content() gives it, every element a gatherer reported carrying its ref. */
export const SERIALISE_WITH_REFS = withIdentity('(_args, identity) => identity.serialise()');
