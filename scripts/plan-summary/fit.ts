/**
 * The largest `k` in [0, count] for which `render(k)` is at most `maxLength` long, or undefined when not even
 * `render(0)` fits. `render(k)` grows with `k` (k is how many lines or items are shown), up to a few characters
 * of jitter from counts printed in it; a final step down absorbs that jitter.
 */
export function fitLargest(count: number, render: (k: number) => string, maxLength: number): number | undefined {
  const fits = (k: number) => render(k).length <= maxLength;
  if (fits(count)) return count;
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  while (low >= 0 && !fits(low)) low -= 1;
  return low >= 0 ? low : undefined;
}
