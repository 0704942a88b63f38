import type { Lang } from './i18n';

/**
 * A non-2xx API answer: the status, the server's code, field and message (`{ error: { code, message, field } }`)
 * and the route asked. `message` keeps the server's wording for logs and developers; what a page shows its
 * user comes from `apiErrorText`, in the user's language.
 */
export class ApiError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly serverMessage: string | null,
    readonly code: string | null,
    readonly field: string | null,
  ) {
    super(serverMessage ? `${route}: ${serverMessage}` : `${route} answered ${status}`);
    this.name = 'ApiError';
  }
}

/** Turns a non-2xx API answer into an ApiError carrying the server's message, code and field. */
export async function apiError(res: Response, route: string): Promise<ApiError> {
  let message: string | null = null;
  let code: string | null = null;
  let field: string | null = null;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const e = (body as { error: { message?: unknown; code?: unknown; field?: unknown } }).error;
      if (typeof e.message === 'string') message = e.message;
      if (typeof e.code === 'string') code = e.code;
      if (typeof e.field === 'string') field = e.field;
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(route, res.status, message, code, field);
}

/** What a refusal or failure means to the person on the page: a title, what to do, and whether to show details. */
export interface ApiErrorText {
  title: string;
  hint: string;
  /** The server's own message helps with a bad input (it names the field); refusals say nothing more. */
  detail: string | null;
}

const TEXTS: Record<
  Lang,
  Record<'forbidden' | 'notFound' | 'signIn' | 'busy' | 'badInput' | 'server' | 'network', [string, string]>
> = {
  vi: {
    forbidden: [
      'Nội dung này nằm ngoài địa bàn hoặc quyền của tài khoản bạn.',
      'Hãy chọn một địa bàn thuộc phạm vi được giao, hoặc liên hệ quản trị viên nếu cần được cấp thêm quyền.',
    ],
    notFound: [
      'Không tìm thấy nội dung này, hoặc nội dung không thuộc địa bàn của tài khoản bạn.',
      'Nội dung có tỉnh, xã ngoài phạm vi được giao thì chỉ người có thẩm quyền rộng hơn mới xem được (ví dụ bản trình chiếu, bảng theo dõi toàn quốc).',
    ],
    signIn: ['Phiên đăng nhập đã hết hạn.', 'Hãy đăng nhập lại rồi mở lại trang.'],
    busy: ['Máy chủ đang bận xử lý các yêu cầu trước của bạn.', 'Hãy đợi giây lát rồi thử lại.'],
    badInput: ['Yêu cầu chưa hợp lệ.', 'Hãy kiểm tra lại các lựa chọn trên trang.'],
    server: [
      'Máy chủ gặp sự cố khi xử lý yêu cầu.',
      'Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.',
    ],
    network: ['Không kết nối được máy chủ.', 'Hãy kiểm tra kết nối mạng rồi thử lại.'],
  },
  en: {
    forbidden: [
      'This lies outside your account’s area or rights.',
      'Choose an area you are responsible for, or ask an administrator for wider access.',
    ],
    notFound: [
      'Not found, or not within your account’s area.',
      'Content covering provinces or communes outside your area is for staff with a wider jurisdiction (e.g. national briefings and scorecards).',
    ],
    signIn: ['Your session has expired.', 'Sign in again, then reopen the page.'],
    busy: ['The server is busy with your earlier requests.', 'Wait a moment and try again.'],
    badInput: ['The request is not valid.', 'Check the choices on the page.'],
    server: [
      'The server failed to handle the request.',
      'Try again in a few minutes; if it persists, tell an administrator.',
    ],
    network: ['The server cannot be reached.', 'Check the network connection and try again.'],
  },
};

/** One explanation of an API error for every page, in the page's language (never the server's raw English). */
export function apiErrorText(error: unknown, lang: Lang): ApiErrorText {
  const t = TEXTS[lang];
  const pick = (k: keyof typeof t, detail: string | null = null): ApiErrorText => ({
    title: t[k][0],
    hint: t[k][1],
    detail,
  });
  if (!(error instanceof ApiError)) return pick(error instanceof TypeError ? 'network' : 'server');
  if (error.status === 401) return pick('signIn');
  if (error.status === 403) return pick('forbidden');
  if (error.status === 404) return pick('notFound');
  if (error.status === 429) return pick('busy');
  if (error.status >= 500) return pick('server');
  return pick('badInput', error.serverMessage);
}

/** Whether an error is a refusal of the caller's area or rights (403), or "not yours = does not exist" (404). */
export const isRefusal = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 403 || error.status === 404);
