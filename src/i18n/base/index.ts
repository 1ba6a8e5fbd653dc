import { defineMessages } from '../messages.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The shared widget chrome's messages (states, header, exports, selection). */
export const baseMessages = defineMessages(en, zhCN);
export type { BaseMessageKey } from './en.js';
