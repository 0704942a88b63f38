/**
 * Formulas of computed indicators: `addicts_reached / (managed_addicts + illegal_users) * 100`.
 * A small parser (numbers, indicator codes, + - * /, unary minus, parentheses; nothing else, no eval), the
 * checks a catalogue entry must pass (codes exist, no cycle, units add up), and the two ways a formula is
 * computed: as SQL over the combined values of its stored inputs (values.repo.ts), and in memory over
 * already combined totals (public pages, briefings, plan progress). Both answer "no data" (null) when an
 * input is missing or a denominator is 0, never Infinity or a 0 that would count as a figure.
 */

export type FormulaNode =
  | { op: 'num'; value: number }
  | { op: 'ref'; code: string }
  | { op: 'neg'; arg: FormulaNode }
  | { op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

/** A formula that cannot be read: the message is Vietnamese and says where. */
export class FormulaError extends Error {}

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;

type Token = { kind: 'num'; value: number } | { kind: 'id'; code: string } | { kind: 'op'; op: string };

function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH) throw new FormulaError(`công thức dài quá ${MAX_LENGTH} ký tự`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ('+-*/()'.includes(ch) || ch === '×' || ch === '÷') {
      tokens.push({ kind: 'op', op: ch === '×' ? '*' : ch === '÷' ? '/' : ch });
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[a-z][a-z0-9_]*/.exec(text.slice(i));
    if (id) {
      tokens.push({ kind: 'id', code: id[0] });
      i += id[0].length;
      continue;
    }
    throw new FormulaError(`ký tự "${ch}" không hợp lệ ở vị trí ${i + 1}`);
  }
  return tokens;
}

/** Parses a formula; throws {@link FormulaError} naming what is wrong. */
export function parseFormula(text: string): FormulaNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (t: Token | undefined, ops: string): t is { kind: 'op'; op: string } =>
    t?.kind === 'op' && ops.includes(t.op);

  const expression = (depth: number): FormulaNode => {
    if (depth > MAX_DEPTH) throw new FormulaError('công thức lồng nhau quá sâu');
    let left = term(depth);
    for (let t = peek(); isOp(t, '+-'); t = peek()) {
      pos++;
      left = { op: t.op as '+' | '-', left, right: term(depth) };
    }
    return left;
  };
  const term = (depth: number): FormulaNode => {
    let left = factor(depth);
    for (let t = peek(); isOp(t, '*/'); t = peek()) {
      pos++;
      left = { op: t.op as '*' | '/', left, right: factor(depth) };
    }
    return left;
  };
  const factor = (depth: number): FormulaNode => {
    const t = peek();
    pos++;
    if (!t) throw new FormulaError('công thức kết thúc giữa chừng');
    if (t.kind === 'num') return { op: 'num', value: t.value };
    if (t.kind === 'id') return { op: 'ref', code: t.code };
    if (t.op === '-') return { op: 'neg', arg: factor(depth + 1) };
    if (t.op === '(') {
      const inner = expression(depth + 1);
      if (!isOp(peek(), ')')) throw new FormulaError('thiếu dấu ")"');
      pos++;
      return inner;
    }
    throw new FormulaError(`dấu "${t.op}" không đúng chỗ`);
  };

  if (tokens.length === 0) throw new FormulaError('công thức trống');
  const tree = expression(0);
  const rest = peek();
  if (rest)
    throw new FormulaError(
      `thừa "${rest.kind === 'num' ? rest.value : rest.kind === 'id' ? rest.code : rest.op}" sau biểu thức`,
    );
  return tree;
}

const parsed = new Map<string, FormulaNode>();

/** A stored (already validated) formula, parsed once per process. */
export function formulaTree(text: string): FormulaNode {
  let tree = parsed.get(text);
  if (!tree) {
    tree = parseFormula(text);
    if (parsed.size > 1000) parsed.clear();
    parsed.set(text, tree);
  }
  return tree;
}

/** Codes a formula names, each once, in order of appearance. */
export function formulaCodes(node: FormulaNode): string[] {
  const out = new Set<string>();
  const walk = (n: FormulaNode) => {
    if (n.op === 'ref') out.add(n.code);
    else if (n.op === 'neg') walk(n.arg);
    else if (n.op !== 'num') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...out];
}

/** Replaces each reference by what `expand` returns (a computed indicator's own formula, or the reference). */
export function substitute(node: FormulaNode, expand: (code: string) => FormulaNode): FormulaNode {
  switch (node.op) {
    case 'num':
      return node;
    case 'ref':
      return expand(node.code);
    case 'neg':
      return { op: 'neg', arg: substitute(node.arg, expand) };
    default:
      return { op: node.op, left: substitute(node.left, expand), right: substitute(node.right, expand) };
  }
}

/** The formula's value from its inputs' values; null when an input is missing or a denominator is 0. */
export function evaluateFormula(
  node: FormulaNode,
  valueOfInput: (code: string) => number | null,
): number | null {
  switch (node.op) {
    case 'num':
      return node.value;
    case 'ref':
      return valueOfInput(node.code);
    case 'neg': {
      const v = evaluateFormula(node.arg, valueOfInput);
      return v === null ? null : -v;
    }
    default: {
      const l = evaluateFormula(node.left, valueOfInput);
      const r = evaluateFormula(node.right, valueOfInput);
      if (l === null || r === null) return null;
      if (node.op === '+') return l + r;
      if (node.op === '-') return l - r;
      if (node.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}

/**
 * The formula as a SQL expression over rows `(indicator_code, value)` grouped by area and period: each
 * reference is the value of that input, found by its position in the query's array of codes `codesParam`.
 * Only numbers and positions reach the text (never a code or any user text); a denominator of 0 gives
 * null, and so does a missing input (no row for it).
 */
export function formulaSql(node: FormulaNode, codes: readonly string[], codesParam: string): string {
  switch (node.op) {
    case 'num': {
      if (!Number.isFinite(node.value)) throw new Error('formula: a number is not finite');
      return `(${String(node.value)})::float8`;
    }
    case 'ref': {
      const at = codes.indexOf(node.code);
      if (at < 0) throw new Error(`formula: ${node.code} is not among the query's inputs`);
      return `max(value) filter (where indicator_code = (${codesParam}::text[])[${at + 1}])`;
    }
    case 'neg':
      return `(-${formulaSql(node.arg, codes, codesParam)})`;
    case '/':
      return `(${formulaSql(node.left, codes, codesParam)} / nullif(${formulaSql(node.right, codes, codesParam)}, 0))`;
    default:
      return `(${formulaSql(node.left, codes, codesParam)} ${node.op} ${formulaSql(node.right, codes, codesParam)})`;
  }
}

/** Spaced, canonical text of a formula (what the catalogue stores and shows). */
export function formatFormula(node: FormulaNode): string {
  const prec = (n: FormulaNode) => (n.op === '+' || n.op === '-' ? 1 : n.op === '*' || n.op === '/' ? 2 : 3);
  const wrap = (n: FormulaNode, min: number) => {
    const s = formatFormula(n);
    return prec(n) < min ? `(${s})` : s;
  };
  switch (node.op) {
    case 'num':
      return String(node.value);
    case 'ref':
      return node.code;
    case 'neg':
      return `-${wrap(node.arg, 3)}`;
    default: {
      const p = prec(node);
      // Left-associative: the right side needs parentheses at the same precedence (a - (b - c)).
      return `${wrap(node.left, p)} ${node.op} ${wrap(node.right, p + 1)}`;
    }
  }
}

/*
 * Units. A unit of measure is a product of base units with integer powers ("người" / "người" = no unit).
 * Sums and differences need the same unit on both sides (a number alone fits any side); products and
 * quotients combine them. The catalogue's declared unit must match the result: a share or a rate "per N"
 * (%, ‰, người/1.000 dân) is a quotient without unit; another declared unit must be the result's.
 */
type Dim = ReadonlyMap<string, number>;
const NONE: Dim = new Map();

function combine(a: Dim, b: Dim, sign: 1 | -1): Dim {
  const out = new Map(a);
  for (const [u, p] of b) {
    const v = (out.get(u) ?? 0) + sign * p;
    if (v === 0) out.delete(u);
    else out.set(u, v);
  }
  return out;
}

const sameDim = (a: Dim, b: Dim) => a.size === b.size && [...a].every(([u, p]) => b.get(u) === p);

function dimText(d: Dim): string {
  if (d.size === 0) return 'không đơn vị';
  const up = [...d].filter(([, p]) => p > 0).map(([u, p]) => (p === 1 ? u : `${u}^${p}`));
  const down = [...d].filter(([, p]) => p < 0).map(([u, p]) => (p === -1 ? u : `${u}^${-p}`));
  return `${up.join('·') || '1'}${down.length ? `/${down.join('·')}` : ''}`;
}

/** Whether a declared unit is a share or a rate per N of the same kind of thing (no unit of its own). */
export function isRatioUnit(unit: string): boolean {
  const u = unit.trim();
  return u === '%' || u === '‰' || /\/\s*[\d.,\s]*\d/.test(u) || /^tỷ lệ/i.test(u);
}

/** How a declared unit reads as a dimension: "đồng/hộ" → đồng per hộ; "%" → none. */
function declaredDim(unit: string): Dim {
  if (isRatioUnit(unit)) return NONE;
  const [up, ...down] = unit.split('/').map((s) => s.trim());
  let d: Dim = up ? new Map([[up, 1]]) : NONE;
  for (const u of down) if (u) d = combine(d, new Map([[u, 1]]), -1);
  return d;
}

/**
 * Checks that a formula's units add up and give the declared unit; returns a Vietnamese message naming
 * the first problem, or null. `unitOf` gives each referenced indicator's declared unit.
 */
export function unitProblem(
  node: FormulaNode,
  declaredUnit: string,
  unitOf: (code: string) => string,
): string | null {
  let problem: string | null = null;
  /** null: a bare number, which fits any unit. */
  const dim = (n: FormulaNode): Dim | null => {
    switch (n.op) {
      case 'num':
        return null;
      case 'ref':
        return declaredDim(unitOf(n.code));
      case 'neg':
        return dim(n.arg);
      case '+':
      case '-': {
        const l = dim(n.left);
        const r = dim(n.right);
        if (l && r && !sameDim(l, r)) {
          problem ??= `không thể ${n.op === '+' ? 'cộng' : 'trừ'} "${formatFormula(n.left)}" (${dimText(l)}) với "${formatFormula(n.right)}" (${dimText(r)})`;
        }
        return l ?? r;
      }
      case '*':
      case '/': {
        const l = dim(n.left) ?? NONE;
        const r = dim(n.right) ?? NONE;
        return combine(l, r, n.op === '*' ? 1 : -1);
      }
    }
  };
  const result = dim(node) ?? NONE;
  if (problem) return problem;
  const declared = declaredDim(declaredUnit);
  if (!sameDim(result, declared)) {
    return `công thức cho kết quả tính bằng ${dimText(result)}, không khớp đơn vị tính "${declaredUnit}"`;
  }
  return null;
}
