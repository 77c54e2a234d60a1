// Types of core/element-identity.js (plain JavaScript: it also runs inside the page as source text).
export declare const ELEMENT_REF_ATTRIBUTE: 'data-govcheck-ref';
export declare function withoutElementRefs(html: string): string;
export declare function createSelectorOf(doc: Document): (el: Element) => string;
