import { useEffect, useState } from 'react';

/** Phone layout below 768 px (antd `md` breakpoint). */
export function useIsMobile(): boolean {
  const query = '(max-width: 767.98px)';
  const [mobile, setMobile] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMobile(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return mobile;
}
