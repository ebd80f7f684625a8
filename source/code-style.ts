/** The quote style most string literals in a file use, so the strings a transform adds match it. */
export function detectQuote(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return single >= double ? 'single' : 'double';
}
