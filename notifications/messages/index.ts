import type { Lang } from '../labels.js';
import { render, renderBoth, type Catalogue, type MessageOf } from './catalogue.js';
import { PUSH_MESSAGES, type PushMessageParams } from './push.messages.js';
import { RISK_MESSAGES, type RiskMessageParams } from './risk.messages.js';

/** Every message the server words, by code. Areas add their parameter map here as they move in. */
export type MessageParams = RiskMessageParams & PushMessageParams;
export type Message = MessageOf<MessageParams>;

export const MESSAGES: Catalogue<MessageParams> = { ...RISK_MESSAGES, ...PUSH_MESSAGES };

/** The sentence for a message in one language. */
export const say = (message: Message, lang: Lang): string => render(MESSAGES, message, lang);

/** The sentence for a message in bokmål and English. */
export const sayBoth = (message: Message): Record<Lang, string> => renderBoth(MESSAGES, message);
