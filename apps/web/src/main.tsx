import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { meQueryKey } from './lib/me';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/books.css';
import './styles/reports.css';
import './styles/payments.css';
import './styles/recurring.css';
import './styles/inventory.css';
import './styles/sales.css';
import './styles/purchases.css';
import './styles/consent.css';
import './styles/credit.css';

const queryClient = createQueryClient(() => {
  // The session ended under us: forget the account and ask to sign in again, then come back.
  queryClient.setQueryData(meQueryKey, null);
  const here = router.state.location.href;
  if (!router.state.location.pathname.startsWith('/sign-')) {
    void router.navigate({ to: '/sign-in', search: { redirect: here } });
  }
});
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
