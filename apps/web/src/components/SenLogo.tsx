/** The lotus ("sen") mark of the app: five petals over water, drawn inline (no external assets under the CSP). */
export function SenLogo({ size = 40, title = 'Sen' }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label={title} focusable="false">
      <title>{title}</title>
      <circle cx="32" cy="32" r="31" fill="#fff0f6" stroke="#ffd6e7" strokeWidth="2" />
      <path d="M32 12c6 7 8 14 6 22-2 6-4 9-6 11-2-2-4-5-6-11-2-8 0-15 6-22z" fill="#c41d7f" />
      <path d="M14 24c8 1 14 5 17 12 2 5 1 9 1 9s-5 0-10-3c-6-4-8-10-8-18z" fill="#eb2f96" />
      <path d="M50 24c-8 1-14 5-17 12-2 5-1 9-1 9s5 0 10-3c6-4 8-10 8-18z" fill="#eb2f96" />
      <path d="M8 36c7-1 14 2 18 7 2 3 3 5 3 5s-6 1-11-1c-5-2-8-6-10-11z" fill="#f759ab" />
      <path d="M56 36c-7-1-14 2-18 7-2 3-3 5-3 5s6 1 11-1c5-2 8-6 10-11z" fill="#f759ab" />
      <path d="M14 52c6-3 12-3 18 0s12 3 18 0" fill="none" stroke="#13a8a8" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
