import type { ESLint, Rule } from 'eslint';

export declare const DOMAIN_ORDER: string[];
export declare function placeOf(path: string): { tier: number; area: string; domain?: number; rules?: boolean } | undefined;
export declare function wrongWay(from: string, to: string): string | undefined;
export declare const importDirection: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
