import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isMessage, type Message, type MessageCode, messageText } from './messages';

/**
 * A failure the client caused or can act on: becomes `{ error: { code, message, field, messageCode } }`.
 * The message is one of the catalogue (lib/messages.ts): its Vietnamese text is sent, its code beside it.
 */
export class ApiError extends Error {
  readonly messageCode: MessageCode | null;
  readonly messageParams: Readonly<Record<string, string | number>>;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string | Message,
    readonly field: string | null = null,
  ) {
    super(isMessage(message) ? messageText(message) : message);
    this.messageCode = isMessage(message) ? message.code : null;
    this.messageParams = isMessage(message) ? message.params : {};
  }
}

export const badRequest = (field: string, message: string | Message) =>
  new ApiError(400, 'invalid_parameter', message, field);

export const notFound = (field: string, message: string | Message) =>
  new ApiError(404, 'not_found', message, field);

export interface ErrorBody {
  error: { code: string; message: string; field: string | null; messageCode?: MessageCode };
}

export const errorBody = (
  code: string,
  message: string | Message,
  field: string | null,
  messageCode: MessageCode | null = null,
): ErrorBody => {
  const known = isMessage(message) ? message.code : messageCode;
  const text = isMessage(message) ? messageText(message) : message;
  return { error: { code, message: text, field, ...(known ? { messageCode: known } : {}) } };
};
