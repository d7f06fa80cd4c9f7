/**
 * A character-level comparison of two company names, for showing the name the user entered
 * beside the name registered with Microsoft with the differing characters marked. Pure: no
 * DOM. Characters are whole code points (an emoji or an accented letter typed as one code
 * point is one character), compared exactly: case, spaces and punctuation all count, as
 * Microsoft compares them.
 */

/** A run of characters of one name: `changed` when the other name does not have it there. */
export interface DiffSegment {
  readonly text: string;
  readonly changed: boolean;
}

export interface NameDiff {
  /** The first name (what the user entered), in runs. */
  readonly a: readonly DiffSegment[];
  /** The second name (what Microsoft has), in runs. */
  readonly b: readonly DiffSegment[];
  /** Whether the names are the same, character for character. */
  readonly equal: boolean;
}

/**
 * Above this many comparison cells (length × length of the differing middles) the middles
 * are marked as changed whole: a quadratic table of a hostile, huge string must not freeze
 * the page. Company names are at most 200 characters, far below it.
 */
const MAX_CELLS = 250_000;

/**
 * Compares `a` with `b`: the characters of each that are not part of a longest common
 * subsequence are marked. "Fabrikam Inc" vs "Fabrikam, Inc." marks the comma and the final
 * dot of the second name and nothing in the first.
 */
export function diffNames(a: string, b: string): NameDiff {
  const left = Array.from(a);
  const right = Array.from(b);
  const keepLeft = new Array<boolean>(left.length).fill(false);
  const keepRight = new Array<boolean>(right.length).fill(false);

  // Common ends first: they are kept, and the table below only covers what lies between.
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) {
    keepLeft[start] = keepRight[start] = true;
    start++;
  }
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
    keepLeft[endLeft] = keepRight[endRight] = true;
  }

  const n = endLeft - start;
  const m = endRight - start;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    // lengths[i * (m + 1) + j]: length of the longest common subsequence of left[start+i..] and right[start+j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] =
          left[start + i] === right[start + j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (left[start + i] === right[start + j]) {
        keepLeft[start + i] = keepRight[start + j] = true;
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
        i++;
      } else {
        j++;
      }
    }
  }

  const equal = a === b;
  return { a: segments(left, keepLeft), b: segments(right, keepRight), equal };
}

/** Groups characters into runs of kept and changed ones. */
function segments(chars: readonly string[], kept: readonly boolean[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  chars.forEach((char, index) => {
    const changed = !kept[index];
    const last = out[out.length - 1];
    if (last && last.changed === changed) out[out.length - 1] = { text: last.text + char, changed };
    else out.push({ text: char, changed });
  });
  return out;
}
