import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

interface BannerProps {
  readonly tone: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly children: ReactNode;
  /** Buttons: what the user can do about it. */
  readonly actions?: ReactNode;
  readonly testId: string;
}

const GLYPHS = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/** One app-wide problem and what to do about it. Problems that block checking are alerts; the rest status. */
export function Banner({ tone, title, children, actions, testId }: BannerProps) {
  const Glyph = GLYPHS[tone];
  return (
    <div
      className={`banner banner-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <span className="banner-glyph" aria-hidden="true">
        <Glyph size={20} />
      </span>
      <div className="banner-text">
        <strong>{title}</strong> {children}
      </div>
      {actions !== undefined && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
