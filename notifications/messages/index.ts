import type { Lang } from './catalogue.js';
import { render, renderBoth, type Catalogue, type MessageOf } from './catalogue.js';
import { ALTINN_MESSAGES, type AltinnMessageParams } from './altinn.messages.js';
import { CLOCK_MESSAGES, type ClockMessageParams } from './clock.messages.js';
import { FORMAT_MESSAGES, type FormatMessageParams } from './format.messages.js';
import { PROBLEM_MESSAGES, type ProblemMessageParams } from './error.messages.js';
import { DECISION_MESSAGES, type DecisionMessageParams } from './decisions.messages.js';
import { TIMELINE_MESSAGES, type TimelineMessageParams } from './incident.messages.js';
import { NOTICE_MESSAGES, type NoticeMessageParams } from './notices.messages.js';
import { PUSH_MESSAGES, type PushMessageParams } from './push.messages.js';
import { REGISTER_MESSAGES, type RegisterMessageParams } from './register.messages.js';
import { RISK_MESSAGES, type RiskMessageParams } from './risk.messages.js';

/** Every message the server words, by code. Areas add their parameter map here as they move in. */
export type MessageParams = RiskMessageParams & NoticeMessageParams & RegisterMessageParams & DecisionMessageParams & ClockMessageParams & TimelineMessageParams & ProblemMessageParams & FormatMessageParams & PushMessageParams & AltinnMessageParams;
export type Message = MessageOf<MessageParams>;

export const MESSAGES: Catalogue<MessageParams> = {
  ...RISK_MESSAGES, ...NOTICE_MESSAGES, ...REGISTER_MESSAGES, ...DECISION_MESSAGES, ...CLOCK_MESSAGES, ...TIMELINE_MESSAGES, ...PROBLEM_MESSAGES, ...FORMAT_MESSAGES, ...PUSH_MESSAGES, ...ALTINN_MESSAGES,
};

/** The sentence for a message in one language. */
export const say = (message: Message, lang: Lang): string => render(MESSAGES, message, lang);

/** The sentence for a message in bokmål and English. */
export const sayBoth = (message: Message): Record<Lang, string> => renderBoth(MESSAGES, message);
