/** The languages every word is kept in: bokmål and English. */
export type Lang = 'nb' | 'en';

/**
 * A typed message catalogue: for every code, a bokmål and an English sentence built from the code's
 * parameters. A code without both languages, or a sentence using a parameter the code does not have,
 * fails the type check.
 */
export type Catalogue<Params> = { readonly [Code in keyof Params]: Readonly<Record<Lang, (params: Params[Code]) => string>> };

/** One message as data: its code and the parameters it needs, never a sentence. */
export type MessageOf<Params> = { [Code in keyof Params]: { code: Code; params: Params[Code] } }[keyof Params];

/** For codes that need no parameters. */
export type NoParams = Record<string, never>;

/** Renders one message in one language. */
export function render<Params>(catalogue: Catalogue<Params>, message: MessageOf<Params>, lang: Lang): string {
  const entry = catalogue[message.code] as Record<Lang, (params: unknown) => string>;
  return entry[lang](message.params);
}

/** Renders one message in both languages. */
export function renderBoth<Params>(catalogue: Catalogue<Params>, message: MessageOf<Params>): Record<Lang, string> {
  return { nb: render(catalogue, message, 'nb'), en: render(catalogue, message, 'en') };
}
