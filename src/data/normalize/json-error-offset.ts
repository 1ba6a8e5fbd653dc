/**
 * Where JSON text first goes wrong: the offset of the first character that cannot continue valid JSON
 * (`text.length` when it ends too early), or −1 when it is valid. One linear pass with an explicit stack (deep
 * nesting cannot overflow it), for engines whose JSON.parse error says no position.
 */
const WS = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Stack of open containers: 1 object, 2 array.
  const stack: number[] = [];
  const skipWs = () => {
    while (i < n && WS(text.charCodeAt(i))) i++;
  };
  const value = (): boolean => {
    skipWs();
    if (i >= n) return false;
    const c = text[i]!;
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return false;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Iterative walk over containers.
  skipWs();
  for (;;) {
    skipWs();
    if (i >= n) return n; // a value was due
    const c = text[i]!;
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 1 : 2);
      i++;
      skipWs();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        if (!afterValue()) return i < n ? i : stack.length ? n : -1;
        if (done()) return trailing();
        continue;
      }
      if (c === '{' && !key()) return i;
      continue;
    }
    if (!value()) return Math.min(i, n);
    if (!afterValue()) return i < n ? i : stack.length ? n : -1;
    if (done()) return trailing();
  }

  function done(): boolean {
    return stack.length === 0;
  }
  function trailing(): number {
    skipWs();
    return i < n ? i : -1;
  }
  function key(): boolean {
    skipWs();
    if (text[i] !== '"' || !string()) return false;
    skipWs();
    if (text[i] !== ':') return false;
    i++;
    return true;
  }
  /** After a value: `,` (then a key in an object) or a closing bracket; false on anything else. */
  function afterValue(): boolean {
    for (;;) {
      if (stack.length === 0) return true;
      skipWs();
      const top = stack[stack.length - 1]!;
      const c = text[i];
      if (c === ',') {
        i++;
        if (top === 1) return key();
        return true;
      }
      if ((top === 1 && c === '}') || (top === 2 && c === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return false;
    }
  }
}
